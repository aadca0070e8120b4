package dev.kiln.lang.functions;

import dev.kiln.lang.eval.Function;
import dev.kiln.lang.eval.FunctionException;
import dev.kiln.lang.value.Type;
import dev.kiln.lang.value.Value;
import inet.ipaddr.IPAddress;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/** {@code cidrhost}, {@code cidrsubnet}, {@code cidrsubnets}, {@code cidrnetmask}, {@code cidrcontains}, for IPv4 and IPv6. */
final class NetworkFunctions
{
    /**
     * Prefixes already parsed, by their text: a {@code count} of nodes calls
     * {@code cidrhost(prefix, count.index)} once per node with the same prefix, and parsing it
     * is most of the call's cost. Prefixes are immutable; sensitive ones are never kept, and
     * past {@value #CACHED_PREFIXES} texts new ones are parsed without being kept.
     */
    private static final int CACHED_PREFIXES = 4_096;
    private static final Map<String, NetworkPrefix> PARSED_PREFIXES = new ConcurrentHashMap<>();

    private NetworkFunctions() {}

    static List<Function> all()
    {
        return List.of(cidrhost(), cidrsubnet(), cidrsubnets(), cidrnetmask(), cidrcontains());
    }

    private static NetworkPrefix prefix(Call call, int index)
            throws FunctionException
    {
        try {
            String text = call.string(index);
            if (call.sensitive(index)) {
                return NetworkPrefix.parse(text);
            }
            NetworkPrefix known = PARSED_PREFIXES.get(text);
            if (known != null) {
                return known;
            }
            NetworkPrefix parsed = NetworkPrefix.parse(text);
            if (PARSED_PREFIXES.size() < CACHED_PREFIXES) {
                PARSED_PREFIXES.put(text, parsed);
            }
            return parsed;
        }
        catch (NetworkPrefix.InvalidAddress invalid) {
            throw call.error(index, call.sensitive(index) ? "invalid CIDR address (sensitive value)" : invalid.getMessage());
        }
    }

    private static BigInteger wholeNumber(Call call, int index)
            throws FunctionException
    {
        try {
            return call.number(index).toBigIntegerExact();
        }
        catch (ArithmeticException e) {
            throw call.error(index, "value must be a whole number");
        }
    }

    private static Function cidrhost()
    {
        return StandardFunction.builder("cidrhost")
                .parameter("prefix", Type.STRING)
                .parameter("hostnum", Type.NUMBER)
                .returns(Type.STRING)
                .implementation(call -> {
                    NetworkPrefix network = prefix(call, 0);
                    BigInteger requested = wholeNumber(call, 1);
                    BigInteger host = requested.signum() < 0 ? network.size().add(requested) : requested;
                    if (host.signum() < 0 || host.compareTo(network.size()) >= 0) {
                        throw call.error(1, "prefix of " + network.length() + " bits cannot accommodate a host numbered " + requested);
                    }
                    return Value.string(NetworkPrefix.text(network.addressAt(network.first().add(host))));
                });
    }

    private static Function cidrsubnet()
    {
        return StandardFunction.builder("cidrsubnet")
                .parameter("prefix", Type.STRING)
                .parameter("newbits", Type.NUMBER)
                .parameter("netnum", Type.NUMBER)
                .returns(Type.STRING)
                .implementation(call -> {
                    NetworkPrefix network = prefix(call, 0);
                    int newBits = call.integer(1);
                    BigInteger number = wholeNumber(call, 2);
                    if (newBits < 0 || network.length() + newBits > network.bits()) {
                        throw call.error(1, "insufficient address space to extend prefix of " + network.length() + " by " + newBits);
                    }
                    if (number.signum() < 0 || number.bitLength() > newBits) {
                        throw call.error(2, "prefix extension of " + newBits + " does not accommodate a subnet numbered " + number);
                    }
                    int length = network.length() + newBits;
                    BigInteger start = network.first().add(number.shiftLeft(network.bits() - length));
                    return Value.string(NetworkPrefix.text(network.networkAt(start, length)));
                });
    }

    private static Function cidrsubnets()
    {
        return StandardFunction.builder("cidrsubnets")
                .parameter("prefix", Type.STRING)
                .variadic("newbits", Type.NUMBER)
                .returns(new Type.ListType(Type.STRING))
                .implementation(call -> {
                    NetworkPrefix network = prefix(call, 0);
                    BigInteger end = network.first().add(network.size());
                    BigInteger cursor = network.first();
                    String previous = NetworkPrefix.text(network.block());
                    List<Value> subnets = new ArrayList<>();
                    for (int index = 1; index < call.count(); index++) {
                        int newBits = call.integer(index);
                        if (newBits < 1) {
                            throw call.error(index, "must extend prefix by at least one bit");
                        }
                        int length = network.length() + newBits;
                        if (length > network.bits()) {
                            throw call.error(index, "would extend prefix to " + length + " bits, which is too long for an IPv" + (network.isIPv4() ? 4 : 6) + " address");
                        }
                        BigInteger size = BigInteger.ONE.shiftLeft(network.bits() - length);
                        BigInteger start = cursor.add(size).subtract(BigInteger.ONE).divide(size).multiply(size);
                        if (start.add(size).compareTo(end) > 0) {
                            throw call.error(index, "not enough remaining address space for a subnet with a prefix of " + length + " bits after " + previous);
                        }
                        IPAddress subnet = network.networkAt(start, length);
                        previous = NetworkPrefix.text(subnet);
                        subnets.add(Value.string(previous));
                        cursor = start.add(size);
                    }
                    return Value.list(Type.STRING, subnets);
                });
    }

    private static Function cidrnetmask()
    {
        return StandardFunction.builder("cidrnetmask")
                .parameter("prefix", Type.STRING)
                .returns(Type.STRING)
                .implementation(call -> {
                    NetworkPrefix network = prefix(call, 0);
                    if (!network.isIPv4()) {
                        throw call.error(0, "IPv6 addresses cannot have a netmask: " + call.show(0));
                    }
                    return Value.string(NetworkPrefix.text(network.block().getNetworkMask().withoutPrefixLength()));
                });
    }

    private static Function cidrcontains()
    {
        return StandardFunction.builder("cidrcontains")
                .parameter("containing_prefix", Type.STRING)
                .parameter("contained_ip_or_prefix", Type.STRING)
                .returns(Type.BOOL)
                .implementation(call -> {
                    NetworkPrefix containing = prefix(call, 0);
                    IPAddress contained;
                    try {
                        contained = call.string(1).contains("/") ? NetworkPrefix.parse(call.string(1)).block() : NetworkPrefix.address(call.string(1));
                    }
                    catch (NetworkPrefix.InvalidAddress invalid) {
                        throw call.error(1, call.sensitive(1) ? "invalid IP address or CIDR prefix (sensitive value)" : invalid.getMessage());
                    }
                    if (contained.isIPv4() != containing.isIPv4()) {
                        throw new FunctionException("address family mismatch: " + call.show(0) + " vs. " + call.show(1));
                    }
                    return Value.bool(containing.block().contains(contained));
                });
    }
}
