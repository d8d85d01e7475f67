package cn.sgz.evidence;

/** How a photo arrived: the built-in watermark camera, or a file from the phone's gallery or the API. */
public enum PhotoSource {
    CAMERA("水印相机"),
    GALLERY("相册/文件");

    private final String label;

    PhotoSource(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
