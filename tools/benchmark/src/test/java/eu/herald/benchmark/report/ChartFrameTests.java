package eu.herald.benchmark.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.Color;
import java.awt.image.BufferedImage;
import org.junit.jupiter.api.Test;

class ChartFrameTests {

    @Test
    void mapSecondsAndValuesFromTheAxesOriginToTheTopRightOfThePlot() {
        ChartFrame frame = new ChartFrame(420, "title", 200, 1_000, "%,.0f/s", "seconds");

        assertThat(frame.x(0)).isEqualTo(90);
        assertThat(frame.x(200)).isEqualTo(frame.right()).isEqualTo(970);
        assertThat(frame.x(100)).isEqualTo(530);
        assertThat(frame.y(0)).isEqualTo(frame.bottom()).isEqualTo(360);
        assertThat(frame.y(1_000)).isEqualTo(frame.top()).isEqualTo(50);
    }

    @Test
    void drawOnAWhiteImageOfTheChartsSize() {
        ChartFrame frame = new ChartFrame(600, "title", 10, 10, "%,.0f", "seconds");
        frame.graphics().setColor(Color.RED);
        frame.graphics().fillRect(frame.x(5), frame.y(5), 4, frame.bottom() - frame.y(5));

        BufferedImage image = frame.image();

        assertThat(image.getWidth()).isEqualTo(1000);
        assertThat(image.getHeight()).isEqualTo(600);
        assertThat(image.getRGB(999, 599)).isEqualTo(Color.WHITE.getRGB());
        assertThat(image.getRGB(frame.x(5) + 1, frame.bottom() - 2)).isEqualTo(Color.RED.getRGB());
    }

    @Test
    void neverDivideByZeroForAnEmptyChart() {
        ChartFrame frame = new ChartFrame(420, "title", 0, 0, "%,.0f", "seconds");

        assertThat(frame.x(0)).isEqualTo(90);
        assertThat(frame.y(0)).isEqualTo(frame.bottom());
    }
}
