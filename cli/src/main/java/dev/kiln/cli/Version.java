package dev.kiln.cli;

import dev.kiln.lang.config.model.KilnVersion;

import java.util.Locale;

/** Kiln's version (from the build), the platform and the Java runtime it runs on. */
record Version(String kiln, String platform, String java)
{
    static Version current()
    {
        return new Version(
                KilnVersion.current(),
                platform(System.getProperty("os.name"), System.getProperty("os.arch")),
                Runtime.version().toString());
    }

    /** Go-style platform names, as Terraform prints them: {@code linux_amd64}, {@code darwin_arm64}. */
    static String platform(String operatingSystem, String architecture)
    {
        String os = operatingSystem.toLowerCase(Locale.ROOT);
        if (os.startsWith("mac")) {
            os = "darwin";
        }
        else if (os.startsWith("windows")) {
            os = "windows";
        }
        String arch = switch (architecture.toLowerCase(Locale.ROOT)) {
            case "x86_64", "amd64" -> "amd64";
            case "aarch64", "arm64" -> "arm64";
            case "x86", "i386", "i686" -> "386";
            default -> architecture.toLowerCase(Locale.ROOT);
        };
        return os.replace(' ', '_') + "_" + arch;
    }
}
