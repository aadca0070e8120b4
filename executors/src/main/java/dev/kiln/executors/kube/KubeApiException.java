package dev.kiln.executors.kube;

import static java.util.Objects.requireNonNull;

/**
 * A Kubernetes API call that failed for good (after any retries): names the object, the step
 * and the server's answer ("apply KubeadmControlPlane default/prod-control-plane: HTTP 422:
 * spec.replicas: Invalid value"). {@code code} is the HTTP status, 0 when no answer came.
 * Never carries credentials: messages are built from the object's name and the status only.
 */
public class KubeApiException
        extends RuntimeException
{
    private final ObjectRef object;
    private final int code;

    public KubeApiException(String step, ObjectRef object, int code, String reason, Throwable cause)
    {
        super(message(step, object, code, reason), cause);
        this.object = requireNonNull(object, "object is null");
        this.code = code;
    }

    public ObjectRef object()
    {
        return object;
    }

    public int code()
    {
        return code;
    }

    private static String message(String step, ObjectRef object, int code, String reason)
    {
        return step + " " + object + ": " + (code > 0 ? "HTTP " + code + ": " : "") + reason;
    }
}
