package planted.readonly.application.port.in;

public interface HandleAlert {
    String handle(String alert);
}
