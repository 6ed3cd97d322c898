package kapacitor.alert.handler;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * An SNMPv2c trap message in BER: {@code SEQUENCE { version 1, community, SNMPv2-Trap-PDU { request-id, 0, 0,
 * varbinds } }}, the first two varbinds being sysUpTime.0 and snmpTrapOID.0 as Kapacitor's snmpgo client sends them.
 */
final class SnmpTrapPdu {
    static final String SYS_UP_TIME = "1.3.6.1.2.1.1.3.0";
    static final String SNMP_TRAP_OID = "1.3.6.1.6.3.1.1.4.1.0";
    private static final int INTEGER = 0x02;
    private static final int OCTET_STRING = 0x04;
    private static final int NULL = 0x05;
    private static final int OID = 0x06;
    private static final int SEQUENCE = 0x30;
    private static final int TIME_TICKS = 0x43;
    private static final int COUNTER64 = 0x46;
    private static final int TRAP_V2 = 0xA7;

    private final List<byte[]> varBinds = new ArrayList<>();

    /** Starts the varbinds with the uptime (1000 ticks, as Kapacitor sends) and the trap OID. */
    SnmpTrapPdu(String trapOid) {
        add(SYS_UP_TIME, tlv(TIME_TICKS, unsigned(1000)));
        byte[] oid = encodeOid(trapOid, "invalid trap Oid");
        add(SNMP_TRAP_OID, tlv(OID, oid));
    }

    /** Adds one data item by its net-snmp type letter, refusing the types Kapacitor refuses. */
    void addData(String oid, String type, String value) {
        switch (type) {
            case "c":
                add(oid, tlv(COUNTER64, unsigned(parseInt(value))));
                break;
            case "i":
                add(oid, tlv(INTEGER, signed((int) parseInt(value))));
                break;
            case "n":
                add(oid, tlv(NULL, new byte[0]));
                break;
            case "s":
                add(oid, tlv(OCTET_STRING, value.getBytes(StandardCharsets.UTF_8)));
                break;
            case "t":
                add(oid, tlv(TIME_TICKS, unsigned(parseInt(value) & 0xFFFFFFFFL)));
                break;
            case "a":
                throw new HandlerException("Snmptrap Datatype 'IP address' not supported");
            case "d":
                throw new HandlerException("Snmptrap Datatype 'Decimal string' not supported");
            case "o":
                throw new HandlerException("Snmptrap Datatype 'Object ID' not supported");
            case "u":
                throw new HandlerException("Snmptrap Datatype 'Unsigned integer' not supported");
            case "x":
                throw new HandlerException("Snmptrap Datatype 'Hexadecimal string' not supported");
            default:
                throw new HandlerException("Snmptrap Datatype not known: " + type);
        }
    }

    /** The whole message for the community, with the given request id. */
    byte[] encode(String community, int requestId) {
        ByteArrayOutputStream binds = new ByteArrayOutputStream();
        varBinds.forEach(binds::writeBytes);
        ByteArrayOutputStream pdu = new ByteArrayOutputStream();
        pdu.writeBytes(tlv(INTEGER, signed(requestId)));
        pdu.writeBytes(tlv(INTEGER, signed(0)));
        pdu.writeBytes(tlv(INTEGER, signed(0)));
        pdu.writeBytes(tlv(SEQUENCE, binds.toByteArray()));
        ByteArrayOutputStream msg = new ByteArrayOutputStream();
        msg.writeBytes(tlv(INTEGER, signed(1)));
        msg.writeBytes(tlv(OCTET_STRING, community.getBytes(StandardCharsets.UTF_8)));
        msg.writeBytes(tlv(TRAP_V2, pdu.toByteArray()));
        return tlv(SEQUENCE, msg.toByteArray());
    }

    private void add(String oid, byte[] value) {
        ByteArrayOutputStream b = new ByteArrayOutputStream();
        b.writeBytes(tlv(OID, encodeOid(oid, "invalid data Oid")));
        b.writeBytes(value);
        varBinds.add(tlv(SEQUENCE, b.toByteArray()));
    }

    /** strconv.ParseInt's base 10, 64 bits, with its error text. */
    private static long parseInt(String s) {
        try {
            return Long.parseLong(s);
        } catch (NumberFormatException e) {
            throw new HandlerException("strconv.ParseInt: parsing \"" + s + "\": invalid syntax");
        }
    }

    static byte[] encodeOid(String oid, String what) {
        String[] parts = oid.startsWith(".") ? oid.substring(1).split("\\.", -1) : oid.split("\\.", -1);
        long[] arcs = new long[parts.length];
        try {
            for (int i = 0; i < parts.length; i++) {
                arcs[i] = Long.parseLong(parts[i]);
                if (arcs[i] < 0 || arcs[i] > 0xFFFFFFFFL) {
                    throw new NumberFormatException();
                }
            }
        } catch (NumberFormatException e) {
            throw new HandlerException(what + " \"" + oid + "\": invalid OID");
        }
        if (arcs.length < 2 || arcs[0] > 2 || arcs[0] < 2 && arcs[1] >= 40) {
            throw new HandlerException(what + " \"" + oid + "\": invalid OID");
        }
        ByteArrayOutputStream b = new ByteArrayOutputStream();
        base128(b, arcs[0] * 40 + arcs[1]);
        for (int i = 2; i < arcs.length; i++) {
            base128(b, arcs[i]);
        }
        return b.toByteArray();
    }

    private static void base128(ByteArrayOutputStream b, long v) {
        int n = 1;
        for (long x = v >>> 7; x != 0; x >>>= 7) {
            n++;
        }
        for (int i = n - 1; i >= 0; i--) {
            int septet = (int) ((v >>> (7 * i)) & 0x7F);
            b.write(i == 0 ? septet : septet | 0x80);
        }
    }

    /** Minimal two's complement. */
    private static byte[] signed(long v) {
        int n = 1;
        while (n < 8 && (v < -(1L << (8 * n - 1)) || v >= (1L << (8 * n - 1)))) {
            n++;
        }
        byte[] out = new byte[n];
        for (int i = 0; i < n; i++) {
            out[n - 1 - i] = (byte) (v >>> (8 * i));
        }
        return out;
    }

    /** An unsigned value: minimal bytes, with a leading zero when the top bit would read as a sign. */
    private static byte[] unsigned(long v) {
        ByteArrayOutputStream b = new ByteArrayOutputStream();
        int n = 8;
        while (n > 1 && ((v >>> (8 * (n - 1))) & 0xFF) == 0) {
            n--;
        }
        if (((v >>> (8 * (n - 1))) & 0x80) != 0) {
            b.write(0);
        }
        for (int i = n - 1; i >= 0; i--) {
            b.write((int) (v >>> (8 * i)) & 0xFF);
        }
        return b.toByteArray();
    }

    private static byte[] tlv(int tag, byte[] value) {
        ByteArrayOutputStream b = new ByteArrayOutputStream();
        b.write(tag);
        int len = value.length;
        if (len < 0x80) {
            b.write(len);
        } else if (len < 0x100) {
            b.write(0x81);
            b.write(len);
        } else {
            b.write(0x82);
            b.write(len >> 8);
            b.write(len & 0xFF);
        }
        b.writeBytes(value);
        return b.toByteArray();
    }
}
