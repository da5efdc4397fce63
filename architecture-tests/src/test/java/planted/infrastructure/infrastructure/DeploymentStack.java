package planted.infrastructure.infrastructure;

public class DeploymentStack {
    public static String table() {
        return "incident-state";
    }
}
