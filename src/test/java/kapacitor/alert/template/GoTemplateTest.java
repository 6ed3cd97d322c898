package kapacitor.alert.template;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.util.LinkedHashMap;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Templates Kapacitor users write in .message()/.details()/.id(), rendered as Go's text/template renders them. */
class GoTemplateTest {
    private static GoStruct messageInfo() {
        Map<String, Object> f = new LinkedHashMap<>();
        f.put("ID", "cpu:host=a");
        f.put("Name", "cpu");
        f.put("TaskName", "cpu_alert");
        f.put("Group", "host=a");
        f.put("Tags", GoTemplate.goMap(Map.of("host", "a", "dc", "us")));
        f.put("Level", "CRITICAL");
        f.put("Fields", GoTemplate.goMap(Map.of("value", 91.5, "count", 3L)));
        f.put("Time", new GoValues.Time(1_000_000_000L));
        return new GoStruct("kapacitor.messageInfo", f);
    }

    @ParameterizedTest
    @CsvSource(delimiterString = "=>", quoteCharacter = '`', value = {
        "{{.ID}} is {{.Level}}                                          => cpu:host=a is CRITICAL",
        "{{ index .Tags \"host\" }}                                      => a",
        "{{ .Tags.host }}/{{ .TaskName }}                                => a/cpu_alert",
        "{{ index .Fields \"value\" }}                                   => 91.5",
        "{{ .Fields.count }}                                             => 3",
        "{{ printf \"%.2f\" (index .Fields \"value\") }}                 => 91.50",
        "{{ printf \"%s has %d\" .Name .Fields.count }}                  => cpu has 3",
        "{{ if eq .Level \"CRITICAL\" }}crit{{ else }}other{{ end }}     => crit",
        "{{ if ne .Level \"OK\" }}{{ .Name }} needs care{{ end }}        => cpu needs care",
        "`{{ range $k, $v := .Tags }}{{$k}}={{$v}} {{ end }}`            => `dc=us host=a `",
        "{{ len .Tags }} tags                                            => 2 tags",
        "{{ with .Tags.host }}host {{.}}{{ end }}                        => host a",
        "{{/* why */}}ok                                                 => ok",
        "{{- .Name }} {{ .Group -}}                                      => cpu host=a",
        "{{ .Tags.missing }}                                             => <no value>",
        "{{ .Time }}                                                     => 1970-01-01 00:00:01 +0000 UTC",
        "{{ if and (gt .Fields.value 90.0) (lt .Fields.count 5) }}hot{{ end }} => hot",
        "{{ .Level | printf \"%q\" }}                                    => \"CRITICAL\"",
        "{{ $n := .Name }}{{ $n }}!                                      => cpu!",
        "{{ if .Tags.dc }}{{ .Tags.dc }}{{ else if .Tags.host }}h{{ end }} => us",
    })
    void rendersLikeGo(String template, String expected) throws Exception {
        assertEquals(expected, GoTemplate.parse("message", template).execute(messageInfo()));
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "{{ .Nope }}",
        "{{ index .Tags }}x{{ end }}",
        "{{ nofunc .Name }}",
    })
    void rejectsBadTemplates(String template) {
        assertThrows(TemplateException.class, () -> GoTemplate.parse("message", template).execute(messageInfo()));
    }

    @org.junit.jupiter.api.Test
    void missingStructFieldNamesTheFieldAndType() {
        TemplateException e = assertThrows(TemplateException.class,
            () -> GoTemplate.parse("message", "{{ .Nope }}").execute(messageInfo()));
        // Go also names the column and the failing node ("message:1:3: executing \"message\" at <.Nope>: ...").
        assertTrue(e.getMessage().startsWith("template: message:1:"), e.getMessage());
        assertTrue(e.getMessage().endsWith("can't evaluate field Nope in type kapacitor.messageInfo"), e.getMessage());
    }

    @org.junit.jupiter.api.Test
    void detailsAreHtmlEscaped() throws Exception {
        assertEquals("a&lt;b&gt; &amp; &#34;c&#34;", GoTemplate.parse("details", "{{ .Name }}", true, Map.of())
            .execute(new GoStruct("kapacitor.detailsInfo", Map.of("Name", "a<b> & \"c\""))));
    }
}
