package dev.handoff.it.deploy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import org.junit.jupiter.api.Test;

class JsonPatchTest {

    private static JsonObject doc() {
        return JsonParser.parseString("{\"spec\":{\"hostNetwork\":true,\"args\":[\"serve\",\"--a\"],\"a/b\":{\"~c\":1}}}")
                .getAsJsonObject();
    }

    private static JsonArray ops(String json) {
        return JsonParser.parseString(json).getAsJsonArray();
    }

    @Test
    void addAppendsWithDashAndInsertsAtAnIndex() {
        JsonObject d = doc();
        JsonPatch.apply(d, ops("[{\"op\":\"add\",\"path\":\"/spec/args/-\",\"value\":\"--z\"},"
                + "{\"op\":\"add\",\"path\":\"/spec/args/1\",\"value\":\"--m\"}]"));
        assertThat(d.getAsJsonObject("spec").get("args").toString()).isEqualTo("[\"serve\",\"--m\",\"--a\",\"--z\"]");
    }

    @Test
    void replaceAndRemoveNeedAnExistingPath() {
        JsonObject d = doc();
        JsonPatch.apply(d, ops("[{\"op\":\"replace\",\"path\":\"/spec/hostNetwork\",\"value\":false},"
                + "{\"op\":\"remove\",\"path\":\"/spec/args/0\"}]"));
        assertThat(d.toString()).contains("\"hostNetwork\":false").contains("\"args\":[\"--a\"]");
        assertThatThrownBy(() -> JsonPatch.apply(doc(), ops("[{\"op\":\"replace\",\"path\":\"/spec/dnsPolicy\","
                + "\"value\":\"x\"}]"))).hasMessageContaining("no member dnsPolicy");
        assertThatThrownBy(() -> JsonPatch.apply(doc(), ops("[{\"op\":\"remove\",\"path\":\"/spec/args/2\"}]")))
                .hasMessageContaining("bad array index 2");
    }

    @Test
    void aFailedTestFailsThePatch() {
        assertThatThrownBy(() -> JsonPatch.apply(doc(), ops("[{\"op\":\"test\",\"path\":\"/spec/hostNetwork\","
                + "\"value\":false}]"))).hasMessageContaining("expected false, found true");
    }

    @Test
    void pointerTokensAreUnescapedPerRfc6901() {
        assertThat(JsonPatch.tokens("/spec/a~1b/~0c")).containsExactly("spec", "a/b", "~c");
        assertThat(JsonPatch.get(doc(), "/spec/a~1b/~0c").getAsInt()).isEqualTo(1);
    }

    @Test
    void unsupportedOperationsAreRefused() {
        assertThatThrownBy(() -> JsonPatch.apply(doc(), ops("[{\"op\":\"move\",\"from\":\"/spec/args\","
                + "\"path\":\"/spec/x\"}]"))).hasMessageContaining("unsupported JSON patch op move");
    }
}
