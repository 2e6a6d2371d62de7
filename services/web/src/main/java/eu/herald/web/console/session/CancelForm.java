package eu.herald.web.console.session;

/** Cancelling a published session: the reason everyone following it is told, and the version it was read at. */
public class CancelForm {

    private int version;
    private String reason = "";

    static CancelForm of(int version) {
        CancelForm form = new CancelForm();
        form.version = version;
        return form;
    }

    public int getVersion() {
        return version;
    }

    public void setVersion(int version) {
        this.version = version;
    }

    public String getReason() {
        return reason;
    }

    public void setReason(String reason) {
        this.reason = reason;
    }
}
