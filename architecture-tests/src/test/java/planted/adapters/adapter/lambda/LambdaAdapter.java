package planted.adapters.adapter.lambda;

public class LambdaAdapter {
    public static String handle() {
        return "ok";
    }
}
