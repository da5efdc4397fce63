package io.incidentsupervisor.application.port.in;

import io.incidentsupervisor.application.port.out.RejectedAlert;
import java.util.List;

/** Lists the kept rejected alerts, the most recent first. */
public interface ListRejectedAlerts {

    List<RejectedAlert> latest(int limit);
}
