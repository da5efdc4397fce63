package planted.streams.adapter.aws;

/** Planted: an adapter printing to standard out instead of logging. */
public class PrintsOutsideTheCli {
    void report() {
        System.out.println("collected");
    }
}
