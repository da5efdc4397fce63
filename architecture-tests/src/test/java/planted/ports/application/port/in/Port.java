package planted.ports.application.port.in;

public interface Port {
    String handle();
}
