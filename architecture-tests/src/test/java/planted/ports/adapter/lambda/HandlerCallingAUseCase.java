package planted.ports.adapter.lambda;

import planted.ports.application.investigation.UseCase;

public class HandlerCallingAUseCase {
    public String handle() {
        return new UseCase().handle();
    }
}
