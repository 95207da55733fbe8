package io.phantomdb.bench.compare;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Locale;
import javax.imageio.ImageIO;

/** What {@link RatioChart} draws on: SVG text or a PNG image (Java2D), the same calls for both. */
interface ChartCanvas {
  /** A filled rectangle; {@code tooltip} may be null. */
  void rect(double x, double y, double w, double h, String color, String tooltip);

  /** A line. */
  void line(double x1, double y1, double x2, double y2, String color, double width);

  /** Text at a baseline; {@code anchor} is {@code start}, {@code middle} or {@code end}. */
  void text(double x, double y, String anchor, int size, boolean bold, String text);

  /** SVG, written by hand. */
  final class Svg implements ChartCanvas {
    private final StringBuilder s = new StringBuilder();

    Svg(int width, int height) {
      s.append(String.format(Locale.ROOT, "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"%d\" height=\"%d\""
          + " font-family=\"DejaVu Sans, sans-serif\">\n<rect width=\"%d\" height=\"%d\" fill=\"white\"/>\n",
          width, height, width, height));
    }

    @Override
    public void rect(double x, double y, double w, double h, String color, String tooltip) {
      s.append(String.format(Locale.ROOT, "<rect x=\"%.1f\" y=\"%.1f\" width=\"%.1f\" height=\"%.1f\" fill=\"%s\">%s</rect>\n",
          x, y, w, h, color, tooltip == null ? "" : "<title>" + escape(tooltip) + "</title>"));
    }

    @Override
    public void line(double x1, double y1, double x2, double y2, String color, double width) {
      s.append(String.format(Locale.ROOT, "<line x1=\"%.1f\" y1=\"%.1f\" x2=\"%.1f\" y2=\"%.1f\" stroke=\"%s\" stroke-width=\"%.1f\"/>\n",
          x1, y1, x2, y2, color, width));
    }

    @Override
    public void text(double x, double y, String anchor, int size, boolean bold, String text) {
      s.append(String.format(Locale.ROOT, "<text x=\"%.1f\" y=\"%.1f\" text-anchor=\"%s\" font-size=\"%d\"%s>%s</text>\n",
          x, y, anchor, size, bold ? " font-weight=\"bold\"" : "", escape(text)));
    }

    String finish() {
      return s + "</svg>\n";
    }

    private static String escape(String t) {
      return t.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
    }
  }

  /** A PNG through Java2D (headless), twice the SVG's size for legibility. */
  final class Png implements ChartCanvas {
    private static final double SCALE = 2;
    private final BufferedImage image;
    private final Graphics2D g;

    Png(int width, int height) {
      image = new BufferedImage((int) (width * SCALE), (int) (height * SCALE), BufferedImage.TYPE_INT_RGB);
      g = image.createGraphics();
      g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
      g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
      g.scale(SCALE, SCALE);
      g.setColor(Color.WHITE);
      g.fillRect(0, 0, width, height);
    }

    @Override
    public void rect(double x, double y, double w, double h, String color, String tooltip) {
      g.setColor(Color.decode(color));
      g.fill(new java.awt.geom.Rectangle2D.Double(x, y, w, h));
    }

    @Override
    public void line(double x1, double y1, double x2, double y2, String color, double width) {
      g.setColor(Color.decode(color));
      g.setStroke(new BasicStroke((float) width));
      g.draw(new java.awt.geom.Line2D.Double(x1, y1, x2, y2));
    }

    @Override
    public void text(double x, double y, String anchor, int size, boolean bold, String text) {
      g.setColor(Color.BLACK);
      g.setFont(new Font(Font.SANS_SERIF, bold ? Font.BOLD : Font.PLAIN, size));
      double w = g.getFontMetrics().stringWidth(text);
      double left = anchor.equals("end") ? x - w : anchor.equals("middle") ? x - w / 2 : x;
      g.drawString(text, (float) left, (float) y);
    }

    void write(Path file) throws IOException {
      g.dispose();
      ImageIO.write(image, "png", file.toFile());
    }
  }
}
