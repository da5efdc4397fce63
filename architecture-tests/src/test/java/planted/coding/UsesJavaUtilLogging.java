package planted.coding;

import java.util.logging.Logger;

/** Planted: logging that bypasses SLF4J. */
public class UsesJavaUtilLogging {
    private static final Logger LOG = Logger.getLogger("planted");

    void log() {
        LOG.info("hello");
    }
}
