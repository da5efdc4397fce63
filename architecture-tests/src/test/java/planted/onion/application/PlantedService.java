package planted.onion.application;

public class PlantedService {
    public static int answer() {
        return 42;
    }
}
