package eu.herald.benchmark.report;

import java.awt.Color;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.util.Locale;

/**
 * What the harness's charts share: a white image with a title, and axes from zero with five ticks, their labels and
 * light grid lines, over seconds since a change. A chart draws its data into it through {@link #x} and {@link #y}.
 */
public final class ChartFrame {

    private static final int WIDTH = 1000;
    private static final int LEFT = 90;
    private static final int RIGHT = 30;
    private static final int TOP = 50;
    private static final int BOTTOM = 60;
    private static final int TICKS = 5;

    private final BufferedImage image;
    private final Graphics2D graphics;
    private final int plotWidth;
    private final int plotHeight;
    private final double maxSeconds;
    private final double maxValue;

    /**
     * @param valueFormat the format of a tick's value on the vertical axis, such as {@code "%,.0f/s"}
     * @param xAxis what the horizontal axis counts
     */
    public ChartFrame(int height, String title, double maxSeconds, double maxValue, String valueFormat, String xAxis) {
        this.image = new BufferedImage(WIDTH, height, BufferedImage.TYPE_INT_RGB);
        this.graphics = image.createGraphics();
        this.plotWidth = WIDTH - LEFT - RIGHT;
        this.plotHeight = height - TOP - BOTTOM;
        this.maxSeconds = Math.max(1, maxSeconds);
        this.maxValue = Math.max(1, maxValue);
        Graphics2D g = graphics;
        g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
        g.setColor(Color.WHITE);
        g.fillRect(0, 0, WIDTH, height);
        g.setColor(Color.BLACK);
        g.setFont(new Font(Font.SANS_SERIF, Font.BOLD, 16));
        g.drawString(title, LEFT, 30);
        g.setFont(new Font(Font.SANS_SERIF, Font.PLAIN, 12));
        for (int i = 0; i <= TICKS; i++) {
            int y = y(this.maxValue * i / TICKS);
            g.setColor(new Color(0xe0e0e0));
            g.drawLine(LEFT + 1, y, LEFT + plotWidth, y);
            g.setColor(Color.BLACK);
            g.drawString(String.format(Locale.ROOT, valueFormat, this.maxValue * i / TICKS), 10, y + 4);
            g.drawString(
                    String.format(Locale.ROOT, "%.0f s", this.maxSeconds * i / TICKS),
                    x(this.maxSeconds * i / TICKS) - 10,
                    TOP + plotHeight + 20);
        }
        g.drawLine(LEFT, TOP + plotHeight, LEFT + plotWidth, TOP + plotHeight);
        g.drawLine(LEFT, TOP, LEFT, TOP + plotHeight);
        g.drawString(xAxis, LEFT + plotWidth / 2 - 210, height - 15);
    }

    /** Where a number of seconds falls on the horizontal axis. */
    public int x(double seconds) {
        return LEFT + (int) (plotWidth * seconds / maxSeconds);
    }

    /** Where a value falls on the vertical axis. */
    public int y(double value) {
        return TOP + plotHeight - (int) (plotHeight * value / maxValue);
    }

    /** The top of the plot, where labels of marks begin. */
    public int top() {
        return TOP;
    }

    /** The horizontal axis, where bars stand. */
    public int bottom() {
        return TOP + plotHeight;
    }

    /** The right edge of the plot, for a legend. */
    public int right() {
        return LEFT + plotWidth;
    }

    public Graphics2D graphics() {
        return graphics;
    }

    /** The chart, once drawn. */
    public BufferedImage image() {
        graphics.dispose();
        return image;
    }
}
