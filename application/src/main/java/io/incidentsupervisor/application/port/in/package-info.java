/**
 * What the service offers, one interface per use case: the Lambda handlers and the CLI call these and nothing else.
 *
 * <ul>
 *   <li>{@link io.incidentsupervisor.application.port.in.HandleAlert} and
 *       {@link io.incidentsupervisor.application.port.in.RecordRejectedAlert}: an alert arrives, well-formed or not;
 *   <li>{@link io.incidentsupervisor.application.port.in.RecoverIncident} and
 *       {@link io.incidentsupervisor.application.port.in.RecoverStaleIncidents}: a killed investigation is resumed;
 *   <li>{@link io.incidentsupervisor.application.port.in.ReadIncidentHistory},
 *       {@link io.incidentsupervisor.application.port.in.ReadIncidentState},
 *       {@link io.incidentsupervisor.application.port.in.ReadIncidentContext},
 *       {@link io.incidentsupervisor.application.port.in.ListStaleIncidents} and
 *       {@link io.incidentsupervisor.application.port.in.ListRejectedAlerts}: reads;
 *   <li>{@link io.incidentsupervisor.application.port.in.RebuildProjections}: maintenance.
 * </ul>
 */
package io.incidentsupervisor.application.port.in;
