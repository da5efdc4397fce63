package io.incidentsupervisor.adapter.aws.episode;

import io.incidentsupervisor.adapter.aws.local.SharedDynamoDbLocal;
import io.incidentsupervisor.application.port.out.Episodes;
import io.incidentsupervisor.application.port.out.EpisodesContract;
import java.time.Clock;

class DynamoDbEpisodesTest extends EpisodesContract {

    @Override
    protected Episodes episodes() {
        DynamoDbEpisodes episodes = new DynamoDbEpisodes(
                SharedDynamoDbLocal.client(), SharedDynamoDbLocal.uniquePrefix() + "episodes", Clock.systemUTC());
        episodes.createTableIfMissing();
        return episodes;
    }
}
