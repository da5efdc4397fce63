package planted.ports.adapter.lambda;

import planted.ports.application.port.in.Port;

public class HandlerCallingAPort {
    public String handle(Port port) {
        return port.handle();
    }
}
