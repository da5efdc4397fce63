package planted.onion.domain.model;

import planted.onion.application.PlantedService;

/** Planted: the domain model reaches out to the application ring. */
public class ModelCallingApplication {
    int value() {
        return PlantedService.answer();
    }
}
