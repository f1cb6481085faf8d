package dev.handoff.it.deploy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import org.junit.jupiter.api.Test;

class StrategicMergeTest {

    private static JsonObject json(String s) {
        return JsonParser.parseString(s).getAsJsonObject();
    }

    @Test
    void containersMergeByNameAndScalarListsAreReplaced() {
        JsonObject target = json("{\"containers\":[{\"name\":\"a\",\"image\":\"x\",\"args\":[\"1\",\"2\"]},"
                + "{\"name\":\"b\",\"image\":\"y\"}]}");
        StrategicMerge.merge(target, json("{\"containers\":[{\"name\":\"b\",\"image\":\"z\"},"
                + "{\"name\":\"a\",\"args\":[\"3\"]},{\"name\":\"c\",\"image\":\"w\"}]}"));
        assertThat(target.toString()).isEqualTo("{\"containers\":[{\"name\":\"a\",\"image\":\"x\",\"args\":[\"3\"]},"
                + "{\"name\":\"b\",\"image\":\"z\"},{\"name\":\"c\",\"image\":\"w\"}]}");
    }

    @Test
    void mapsMergeKeyByKeyAndNullDeletes() {
        JsonObject target = json("{\"data\":{\"exports\":\"/srv\",\"vips.args\":\"\"},\"x\":1}");
        StrategicMerge.merge(target, json("{\"data\":{\"vips.args\":\"--vip=192.0.2.1\"},\"x\":null}"));
        assertThat(target.toString()).isEqualTo("{\"data\":{\"exports\":\"/srv\",\"vips.args\":\"--vip=192.0.2.1\"}}");
    }

    @Test
    void directivesAreRefusedRatherThanMisread() {
        assertThatThrownBy(() -> StrategicMerge.merge(json("{}"), json("{\"$patch\":\"delete\"}")))
                .hasMessageContaining("$patch");
    }
}
