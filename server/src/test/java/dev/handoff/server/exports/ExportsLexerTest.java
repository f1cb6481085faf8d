package dev.handoff.server.exports;

import static org.assertj.core.api.Assertions.assertThat;

import dev.handoff.server.exports.ExportsLexer.Token;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class ExportsLexerTest {
    private final List<String> errors = new ArrayList<>();

    private List<List<Token>> lex(String text) {
        return ExportsLexer.lex(text, (line, message) -> errors.add(line + ": " + message));
    }

    @Test
    void tokensCarryTheLineTheyStartOnAcrossContinuationsAndComments() {
        List<List<Token>> lines = lex("# comment\n/a h1 \\\n  h2 #c\n\n/b\th3 \\\r\n h4\n  # indented comment\n");

        assertThat(lines).containsExactly(
                List.of(new Token("/a", 2), new Token("h1", 2), new Token("h2", 3)),
                List.of(new Token("/b", 5), new Token("h3", 5), new Token("h4", 6)));
        assertThat(errors).isEmpty();
    }

    @Test
    void aHashInsideATokenIsAnOrdinaryCharacter() {
        assertThat(lex("/srv/a#b h(rw)#x")).containsExactly(
                List.of(new Token("/srv/a#b", 1), new Token("h(rw)#x", 1)));
    }

    @Test
    void aContinuationReadsAsABlankAndSkipsTheNextLinesIndent() {
        assertThat(lex("/sr\\\n   v h")).containsExactly(
                List.of(new Token("/sr", 1), new Token("v", 2), new Token("h", 2)));
        assertThat(lex("\"/a\\\n   b\"")).containsExactly(List.of(new Token("/a b", 1)));
    }

    @Test
    void quotesProtectBlanksAndHashesAndMayCoverPartOfAToken() {
        assertThat(lex("\"/a b#c\" /x/\"y z\"/w \"#q\"")).containsExactly(
                List.of(new Token("/a b#c", 1), new Token("/x/y z/w", 1), new Token("#q", 1)));
    }

    @Test
    void octalEscapesAreBytesDecodedAsUtf8() {
        assertThat(lex("/a\\040b /caf\\303\\251 /lit\\x \\9")).containsExactly(List.of(new Token("/a b", 1),
                new Token("/café", 1), new Token("/lit\\x", 1), new Token("\\9", 1)));
    }

    @Test
    void anUnterminatedQuoteIsAnErrorOnItsLine() {
        lex("/ok\n\"/open h1\n/next\n");

        assertThat(errors).containsExactly("2: unterminated quote");
    }

    @Test
    void anOverlongItemIsAnError() {
        lex("/" + "a".repeat(ExportsLexer.MAX_TOKEN_BYTES));

        assertThat(errors).containsExactly("1: item longer than 4096 bytes");
    }

    @Test
    void escapedTextLexesBackToItself() {
        String nasty = "/a b\t\"q\"#h\\(x)\u00e9\u65e5";

        String escaped = ExportsLexer.escape(nasty);

        assertThat(escaped).doesNotContain(" ", "\t", "\"", "#", "(", ")");
        assertThat(lex(escaped)).containsExactly(List.of(new Token(nasty, 1)));
    }
}
