package planted.bootstrap.application;

import planted.bootstrap.bootstrap.Main;

/** Planted: an inner ring reads its settings from the wiring. */
public class ServiceCallingBootstrap {
    String setting() {
        return Main.setting();
    }
}
