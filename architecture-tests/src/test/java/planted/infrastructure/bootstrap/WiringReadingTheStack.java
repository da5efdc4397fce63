package planted.infrastructure.bootstrap;

import planted.infrastructure.infrastructure.DeploymentStack;

/** Planted: the service takes a table name from its deployment stack. */
public class WiringReadingTheStack {
    String table() {
        return DeploymentStack.table();
    }
}
