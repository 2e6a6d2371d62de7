package eu.herald.web.portal.endpoints;

import org.jspecify.annotations.Nullable;

/** A new email endpoint's address or a new webhook's URL; the API names its errors {@code address} and {@code url}. */
public class AddressForm {

    private @Nullable String address;
    private @Nullable String url;

    public @Nullable String getAddress() {
        return address;
    }

    public void setAddress(@Nullable String address) {
        this.address = address;
    }

    public @Nullable String getUrl() {
        return url;
    }

    public void setUrl(@Nullable String url) {
        this.url = url;
    }

    static String text(@Nullable String text) {
        return text == null ? "" : text.strip();
    }
}
