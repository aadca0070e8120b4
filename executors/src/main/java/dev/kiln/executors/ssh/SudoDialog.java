package dev.kiln.executors.ssh;

import net.schmizz.sshj.connection.channel.direct.Session;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.HexFormat;
import java.util.Optional;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.Consumer;

/**
 * sudo with its password on stdin, never on a command line: the command runs as
 * {@code sudo -S -p PROMPT -- sh -c 'announce; exec sh -c "$1"' kiln COMMAND}. When sudo prints
 * the (random) prompt on stderr the password is written once; a second prompt means it was
 * wrong, and stdin is closed so sudo gives up. Only when the inner shell announces itself is the
 * command's own stdin written, so the password can never leak into the command's input.
 */
final class SudoDialog
{
    private final Optional<String> password;
    private final String prompt;
    private final String startMarker;
    private volatile boolean started;
    private int prompts;
    private boolean stdinClosed;

    SudoDialog(Optional<String> password)
    {
        this.password = password;
        String nonce = HexFormat.of().formatHex(randomBytes());
        this.prompt = "[kiln-sudo-password:" + nonce + "]";
        this.startMarker = "[kiln-sudo-started:" + nonce + "]";
    }

    String wrap(String command)
    {
        return "sudo -S -p " + quote(prompt) + " -- sh -c " + quote("printf '%s\\n' " + quote(startMarker) + " >&2; exec sh -c \"$1\"") + " kiln " + quote(command);
    }

    boolean commandStarted()
    {
        return started;
    }

    /** Answers a prompt waiting at the end of the stderr received so far (a prompt has no newline). */
    void checkPartial(OutputLines.Splitter splitter, Session.Command remote)
    {
        String pending = splitter.peek();
        if (pending.contains(prompt)) {
            splitter.replacePending(pending.replace(prompt, ""));
            answer(remote);
        }
    }

    /** The stderr line to keep, empty for the start marker; prompts in it are answered and removed. */
    Optional<String> filterLine(String line, Session.Command remote, Consumer<OutputStream> feedCommandInput)
    {
        String text = line;
        if (text.contains(prompt)) {
            text = text.replace(prompt, "");
            answer(remote);
        }
        if (text.equals(startMarker)) {
            started = true;
            synchronized (this) {
                stdinClosed = true;
            }
            feedCommandInput.accept(remote.getOutputStream());
            return Optional.empty();
        }
        return text.isEmpty() && !line.isEmpty() ? Optional.empty() : Optional.of(text);
    }

    String refusal()
    {
        if (prompts == 0) {
            return "sudo failed before asking for a password.";
        }
        if (password.isEmpty()) {
            return "sudo asks for a password and none is configured (set sudo_password, or password, in the node's ssh block).";
        }
        if (prompts > 1) {
            return "the sudo password was rejected.";
        }
        return "the user may not run commands as root.";
    }

    private synchronized void answer(Session.Command remote)
    {
        prompts++;
        if (stdinClosed) {
            return;
        }
        OutputStream stdin = remote.getOutputStream();
        try {
            if (prompts == 1 && password.isPresent()) {
                stdin.write((password.get() + "\n").getBytes(StandardCharsets.UTF_8));
                stdin.flush();
                return;
            }
            stdinClosed = true;
            stdin.close();
        }
        catch (IOException ignored) {
            // sudo ended already; its exit status reports the refusal
        }
    }

    static String quote(String text)
    {
        return "'" + text.replace("'", "'\"'\"'") + "'";
    }

    private static byte[] randomBytes()
    {
        byte[] bytes = new byte[8];
        ThreadLocalRandom.current().nextBytes(bytes);
        return bytes;
    }
}
