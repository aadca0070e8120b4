package dev.kiln.lang.functions;

import inet.ipaddr.IPAddress;
import inet.ipaddr.IPAddressString;
import inet.ipaddr.ipv4.IPv4Address;
import inet.ipaddr.ipv6.IPv6Address;

import java.math.BigInteger;

import static java.util.Objects.requireNonNull;

/**
 * An IP network in CIDR notation ({@code 10.0.0.0/16}, {@code fd00::/56}), parsed and
 * rendered by the IPAddress library. Host bits in the written address are allowed and
 * ignored, as Terraform allows them.
 */
record NetworkPrefix(IPAddress block, int length)
{
    NetworkPrefix
    {
        requireNonNull(block, "block is null");
    }

    static final class InvalidAddress
            extends Exception
    {
        InvalidAddress(String message)
        {
            super(message);
        }
    }

    static NetworkPrefix parse(String text)
            throws InvalidAddress
    {
        int slash = text.indexOf('/');
        if (slash < 0) {
            throw new InvalidAddress("invalid CIDR address " + quoted(text) + ": a prefix length such as \"/16\" is required");
        }
        IPAddress address = address(text.substring(0, slash), text);
        String lengthText = text.substring(slash + 1);
        if (lengthText.isEmpty() || lengthText.length() > 3 || !lengthText.chars().allMatch(Character::isDigit)
                || Integer.parseInt(lengthText) > address.getBitCount()) {
            throw new InvalidAddress("invalid CIDR address " + quoted(text) + ": the prefix length must be a number from 0 to " + address.getBitCount());
        }
        int length = Integer.parseInt(lengthText);
        return new NetworkPrefix(address.toPrefixBlock(length), length);
    }

    /** A single address without a prefix length. */
    static IPAddress address(String text)
            throws InvalidAddress
    {
        return address(text, text);
    }

    private static IPAddress address(String text, String whole)
            throws InvalidAddress
    {
        IPAddress address = new IPAddressString(text).getAddress();
        if (address == null || address.isMultiple() || address.isPrefixed() || !(address.isIPv4() || address.isIPv6())) {
            throw new InvalidAddress("invalid IP address " + quoted(whole));
        }
        return address;
    }

    int bits()
    {
        return block.getBitCount();
    }

    boolean isIPv4()
    {
        return block.isIPv4();
    }

    BigInteger first()
    {
        return block.getLower().getValue();
    }

    /** How many addresses the network holds. */
    BigInteger size()
    {
        return BigInteger.ONE.shiftLeft(bits() - length);
    }

    /** The single address with this numeric value in the network's family. */
    IPAddress addressAt(BigInteger value)
    {
        return isIPv4() ? new IPv4Address(value.intValue()) : new IPv6Address(value);
    }

    /** The network of {@code prefixLength} bits starting at {@code value}. */
    IPAddress networkAt(BigInteger value, int prefixLength)
    {
        return isIPv4() ? new IPv4Address(value.intValue(), prefixLength).toPrefixBlock() : new IPv6Address(value, prefixLength).toPrefixBlock();
    }

    static String text(IPAddress address)
    {
        return address.toCanonicalString();
    }

    @Override
    public String toString()
    {
        return text(block);
    }

    private static String quoted(String text)
    {
        return "\"" + text + "\"";
    }
}
