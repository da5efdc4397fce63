package planted.devtools.adapter.aws;

import planted.devtools.local.LocalServer;

public class AdapterStartingALocalServer {
    public Object start() {
        return LocalServer.start();
    }
}
