package planted.devtools.local;

public class LocalServer {
    public static LocalServer start() {
        return new LocalServer();
    }
}
