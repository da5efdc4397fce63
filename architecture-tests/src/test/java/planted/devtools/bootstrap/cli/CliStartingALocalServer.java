package planted.devtools.bootstrap.cli;

import planted.devtools.local.LocalServer;

public class CliStartingALocalServer {
    public Object start() {
        return LocalServer.start();
    }
}
