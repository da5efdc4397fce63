package planted.readonly.application.port.in;

public interface ListIncidents {
    String list();
}
