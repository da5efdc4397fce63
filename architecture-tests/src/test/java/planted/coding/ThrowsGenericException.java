package planted.coding;

/** Planted: a failure nobody can tell apart from any other. */
public class ThrowsGenericException {
    void fail() {
        throw new RuntimeException("something went wrong");
    }
}
