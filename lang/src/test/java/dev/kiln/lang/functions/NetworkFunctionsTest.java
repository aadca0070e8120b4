package dev.kiln.lang.functions;

import dev.kiln.lang.eval.FunctionException;
import dev.kiln.lang.value.Type;
import dev.kiln.lang.value.Value;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.util.List;

import static dev.kiln.lang.functions.FunctionCalls.assertFails;
import static dev.kiln.lang.functions.FunctionCalls.call;
import static dev.kiln.lang.functions.FunctionCalls.expected;
import static dev.kiln.lang.functions.FunctionCalls.json;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

class NetworkFunctionsTest
{
    @ParameterizedTest(name = "{0}({1}) = {2}")
    @DisplayName("network functions give Terraform's documented results for IPv4 and IPv6")
    @CsvSource(delimiter = '|', quoteCharacter = '"', value = {
            "cidrhost     | ['10.12.112.0/20', 16]                        | '10.12.112.16'",
            "cidrhost     | ['10.12.112.0/20', 268]                       | '10.12.113.12'",
            "cidrhost     | ['10.12.112.9/20', 0]                         | '10.12.112.0'",
            "cidrhost     | ['10.0.0.0/8', -1]                            | '10.255.255.255'",
            "cidrhost     | ['fd00:fd12:3456:7890:00a2::/72', 34]         | 'fd00:fd12:3456:7890::22'",
            "cidrnetmask  | ['172.16.0.0/12']                             | '255.240.0.0'",
            "cidrnetmask  | ['10.0.0.0/32']                               | '255.255.255.255'",
            "cidrsubnet   | ['172.16.0.0/12', 4, 2]                       | '172.18.0.0/16'",
            "cidrsubnet   | ['10.1.2.0/24', 4, 15]                        | '10.1.2.240/28'",
            "cidrsubnet   | ['fd00:fd12:3456:7890::/56', 16, 162]         | 'fd00:fd12:3456:7800:a200::/72'",
            "cidrsubnet   | ['10.0.0.0/8', 0, 0]                          | '10.0.0.0/8'",
            "cidrsubnets  | ['10.1.0.0/16', 4, 4, 8, 4]                   | ['10.1.0.0/20', '10.1.16.0/20', '10.1.32.0/24', '10.1.48.0/20']",
            "cidrsubnets  | ['fd00:fd12:3456:7890::/56', 16, 16, 16, 32]  | ['fd00:fd12:3456:7800::/72', 'fd00:fd12:3456:7800:100::/72', 'fd00:fd12:3456:7800:200::/72', 'fd00:fd12:3456:7800:300::/88']",
            "cidrsubnets  | ['10.0.0.0/8']                                | []",
            "cidrcontains | ['10.0.0.0/8', '10.1.0.0']                    | true",
            "cidrcontains | ['10.0.0.0/8', '11.0.0.1']                    | false",
            "cidrcontains | ['10.0.0.0/8', '10.128.0.0/9']                | true",
            "cidrcontains | ['10.0.0.0/9', '10.0.0.0/8']                  | false",
            "cidrcontains | ['fd00:a:b:c::/64', 'fd00:a:b:c::1']          | true",
    })
    void documentedExamples(String name, String arguments, String result)
            throws FunctionException
    {
        assertEquals(expected(result), json(call(name.strip(), arguments)));
    }

    @ParameterizedTest(name = "{0}({1}) fails: {2}")
    @DisplayName("network functions reject addresses and numbers that do not fit")
    @CsvSource(delimiter = '|', quoteCharacter = '"', value = {
            "cidrhost     | ['10.0.0.0', 1]                | invalid CIDR address \"10.0.0.0\": a prefix length such as \"/16\" is required.",
            "cidrhost     | ['10.0.0.0/33', 1]             | invalid CIDR address \"10.0.0.0/33\": the prefix length must be a number from 0 to 32.",
            "cidrhost     | ['300.0.0.0/8', 1]             | invalid IP address \"300.0.0.0/8\".",
            "cidrhost     | ['10.0.0.0/30', 4]             | prefix of 30 bits cannot accommodate a host numbered 4.",
            "cidrhost     | ['10.0.0.0/30', -5]            | prefix of 30 bits cannot accommodate a host numbered -5.",
            "cidrsubnet   | ['10.0.0.0/30', 3, 0]          | insufficient address space to extend prefix of 30 by 3.",
            "cidrsubnet   | ['10.0.0.0/24', 2, 4]          | prefix extension of 2 does not accommodate a subnet numbered 4.",
            "cidrsubnets  | ['10.0.0.0/30', 1, 1, 1]       | not enough remaining address space for a subnet with a prefix of 31 bits after 10.0.0.2/31.",
            "cidrsubnets  | ['10.0.0.0/30', 3]             | would extend prefix to 33 bits, which is too long for an IPv4 address.",
            "cidrsubnets  | ['10.0.0.0/24', 0]             | must extend prefix by at least one bit.",
            "cidrnetmask  | ['fd00::/8']                   | IPv6 addresses cannot have a netmask: \"fd00::/8\".",
            "cidrcontains | ['10.0.0.0/8', 'fd00::1']      | address family mismatch: \"10.0.0.0/8\" vs. \"fd00::1\"",
            "cidrcontains | ['10.0.0.0/8', 'x']            | invalid IP address \"x\".",
    })
    void errors(String name, String arguments, String message)
    {
        assertFails(message, () -> call(name.strip(), arguments));
    }

    @Test
    @DisplayName("an unknown prefix gives an unknown result; a sensitive one is never shown in errors")
    void unknownAndSensitive()
            throws FunctionException
    {
        assertEquals(Value.unknown(Type.STRING), call("cidrhost", List.of(Value.unknown(Type.STRING), Value.number(1))));
        FunctionException exception = assertFails("*", () -> call("cidrhost", List.of(new Value.StringValue("10.9.9.9", true), Value.number(1))));
        assertFalse(exception.getMessage().contains("10.9.9.9"), exception.getMessage());
        assertEquals(new Value.StringValue("10.0.0.1", true), call("cidrhost", List.of(new Value.StringValue("10.0.0.0/8", true), Value.number(1))));
    }
}
