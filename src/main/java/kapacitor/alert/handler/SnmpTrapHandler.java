package kapacitor.alert.handler;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.datagram.DatagramSocket;
import kapacitor.alert.AlertEvent;
import kapacitor.alert.template.GoStruct;
import kapacitor.alert.template.GoTemplate;

import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Kapacitor's snmptrap handler: an SNMPv2c trap over UDP to the configured address, with the configured community,
 * the handler's trap OID and its data items (values being templates over the event).
 */
public final class SnmpTrapHandler implements AlertHandler {
    static final HandlerKind KIND = new HandlerKind("snmptrap", "snmptrap.HandlerConfig", List.of(
        new HandlerOption("trap-oid", "TrapOid", OptionType.STRING),
        new HandlerOption("data-list", "Data", OptionType.SNMP_DATA)), SnmpTrapHandler::new);

    private static final SecureRandom REQUEST_IDS = new SecureRandom();

    /** One data item of a trap: OID, net-snmp type letter and value. */
    record Data(String oid, String type, String value) {
    }

    private record DataTemplate(String oid, String type, GoTemplate value) {
    }

    private final Vertx vertx;
    private final DatagramSocket socket;
    private final String trapOid;
    private final List<DataTemplate> data = new ArrayList<>();

    SnmpTrapHandler(Vertx vertx, HandlerOptions options) {
        this.vertx = vertx;
        this.socket = vertx.createDatagramSocket();
        this.trapOid = options.string("trap-oid");
        for (Map<String, String> d : options.structs("data-list")) {
            data.add(new DataTemplate(d.getOrDefault("oid", ""), d.getOrDefault("type", ""),
                EventTemplates.parse("data", d.getOrDefault("value", ""))));
        }
    }

    @Override
    public Future<Void> handle(AlertEvent event) {
        List<Data> items = new ArrayList<>();
        try {
            GoStruct td = EventTemplates.data(event);
            for (DataTemplate d : data) {
                items.add(new Data(d.oid(), d.type(), EventTemplates.render(d.value(), td)));
            }
        } catch (HandlerException e) {
            return Future.failedFuture(e);
        }
        return send(vertx, socket, trapOid, items);
    }

    static Future<Void> send(Vertx vertx, DatagramSocket socket, String trapOid, List<Data> items) {
        return ServiceConfig.enabled(vertx, "snmptrap").compose(c -> {
            SnmpTrapPdu pdu = new SnmpTrapPdu(trapOid);
            items.forEach(d -> pdu.addData(d.oid(), d.type(), d.value()));
            String addr = c.getString("addr", "");
            int colon = addr.lastIndexOf(':');
            if (colon < 0) {
                return Future.failedFuture(new HandlerException("address " + addr + ": missing port in address"));
            }
            String host = addr.substring(0, colon).replace("[", "").replace("]", "");
            int port;
            try {
                port = Integer.parseInt(addr.substring(colon + 1));
            } catch (NumberFormatException e) {
                return Future.failedFuture(new HandlerException("address " + addr + ": invalid port"));
            }
            byte[] message = pdu.encode(c.getString("community", ""), REQUEST_IDS.nextInt(Integer.MAX_VALUE));
            return socket.send(Buffer.buffer(message), port, host.isEmpty() ? "127.0.0.1" : host)
                .recover(e -> Future.failedFuture(new HandlerException("failed to send SNMP trap: "
                    + e.getMessage())));
        });
    }

    @Override
    public void close() {
        socket.close();
    }
}
