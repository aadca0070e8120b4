package dev.kiln.lang.config.model.rules;

import inet.ipaddr.IPAddress;
import inet.ipaddr.IPAddressString;

import java.util.Optional;

/** A parsed network in CIDR form, with the text it was written as. */
record Cidr(String text, IPAddress block)
{
    /** The network when {@code text} is an address with a prefix length ({@code 10.244.0.0/16}); empty otherwise. */
    static Optional<Cidr> parse(String text)
    {
        IPAddressString string = new IPAddressString(text);
        IPAddress address = string.getAddress();
        if (address == null || !address.isPrefixed()) {
            return Optional.empty();
        }
        return Optional.of(new Cidr(text, address.toPrefixBlock()));
    }

    /** A plain address ({@code 192.168.1.10}); empty for host names and anything else. */
    static Optional<IPAddress> address(String text)
    {
        IPAddress address = new IPAddressString(text).getAddress();
        return address == null || address.isPrefixed() ? Optional.empty() : Optional.of(address);
    }

    boolean isIPv4()
    {
        return block.isIPv4();
    }

    int prefixLength()
    {
        return block.getNetworkPrefixLength();
    }

    boolean overlaps(Cidr other)
    {
        return block.contains(other.block) || other.block.contains(block);
    }

    boolean contains(IPAddress address)
    {
        return block.isIPv4() == address.isIPv4() && block.contains(address);
    }
}
