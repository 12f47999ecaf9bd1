package org.yaraguard.rules.samples;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Path;
import javax.imageio.ImageIO;

/** Input pictures for img2dcm, drawn with javax.imageio (a smooth gradient with a few rings). */
public final class SourceImages {

    private SourceImages() {
    }

    /** Writes a colour picture as {@code format} ("jpeg" or "bmp") to {@code file}. */
    public static void write(Path file, String format, int width, int height) throws IOException {
        BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        for (int y = 0; y < height; y++) {
            for (int x = 0; x < width; x++) {
                int dx = x - width / 2;
                int dy = y - height / 2;
                int ring = (int) Math.sqrt(dx * dx + dy * dy) % 32 < 4 ? 80 : 0;
                int red = Math.min(255, x * 255 / width + ring);
                int green = Math.min(255, y * 255 / height + ring);
                int blue = Math.min(255, 128 + ring);
                image.setRGB(x, y, (red << 16) | (green << 8) | blue);
            }
        }
        if (!ImageIO.write(image, format, file.toFile())) {
            throw new IOException("no image writer for " + format);
        }
    }
}
