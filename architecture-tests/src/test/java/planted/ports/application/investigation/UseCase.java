package planted.ports.application.investigation;

import planted.ports.application.port.in.Port;

public class UseCase implements Port {
    @Override
    public String handle() {
        return "handled";
    }
}
