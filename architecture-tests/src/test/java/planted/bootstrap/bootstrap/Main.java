package planted.bootstrap.bootstrap;

public class Main {
    public static String setting() {
        return "x";
    }
}
