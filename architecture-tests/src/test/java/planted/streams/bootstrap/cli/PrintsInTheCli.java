package planted.streams.bootstrap.cli;

/** Allowed: the CLI's job is to print. */
public class PrintsInTheCli {
    void report() {
        System.out.println("history");
    }
}
