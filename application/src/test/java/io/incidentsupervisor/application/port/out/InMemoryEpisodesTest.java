package io.incidentsupervisor.application.port.out;

class InMemoryEpisodesTest extends EpisodesContract {

    @Override
    protected Episodes episodes() {
        return new InMemoryEpisodes();
    }
}
