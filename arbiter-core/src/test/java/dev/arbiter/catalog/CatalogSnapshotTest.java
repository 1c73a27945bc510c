package dev.arbiter.catalog;

import org.junit.jupiter.api.Test;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.Arrays;

import static org.assertj.core.api.Assertions.assertThat;

class CatalogSnapshotTest {
    @Test
    void theBuildsSnapshotIsTheYamlRecordForRecord() {
        Catalog snapshot = CatalogSnapshot.read().orElseThrow(
                () -> new AssertionError("no " + CatalogSnapshot.RESOURCE + " on the class path: the build's"
                        + " process-classes step (exec-maven-plugin, CatalogSnapshot) did not run"));
        Catalog parsed = new CatalogLoader().parseBundled();
        assertThat(snapshot.models()).hasSameSizeAs(parsed.models()).isNotEmpty();
        for (int i = 0; i < parsed.models().size(); i++) {
            assertThat(snapshot.models().get(i)).as(parsed.models().get(i).id()).isEqualTo(parsed.models().get(i));
        }
        assertThat(snapshot).isEqualTo(parsed);
        assertThat(new CatalogLoader().bundled()).isEqualTo(parsed);
    }

    @Test
    void aRoundTripKeepsEveryFieldAndRunsTheRecordsChecks() throws IOException {
        Catalog parsed = new CatalogLoader().parseBundled();
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        CatalogSnapshot.write(parsed, bytes);
        assertThat(CatalogSnapshot.read(new ByteArrayInputStream(bytes.toByteArray()))).contains(parsed);
    }

    @Test
    void aSnapshotOfAnotherLayoutOrCutShortIsIgnored() throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        CatalogSnapshot.write(new CatalogLoader().parseBundled(), bytes);
        byte[] whole = bytes.toByteArray();
        byte[] otherLayout = whole.clone();
        otherLayout[7]++;
        assertThat(CatalogSnapshot.read(new ByteArrayInputStream(otherLayout))).isEmpty();
        assertThat(CatalogSnapshot.read(new ByteArrayInputStream(Arrays.copyOf(whole, whole.length / 2)))).isEmpty();
        assertThat(CatalogSnapshot.read(new ByteArrayInputStream(Arrays.copyOf(whole, whole.length + 1)))).isEmpty();
    }

    @Test
    void aDamagedSnapshotFallsBackToTheYaml() {
        assertThat(CatalogSnapshot.read(new ByteArrayInputStream(new byte[] {0x41, 0x52, 0x42}))).isEmpty();
        assertThat(CatalogSnapshot.read(null)).isEmpty();
    }
}
