//! Avatars: an uploaded picture is decoded (PNG, JPEG, WebP or GIF only, dimensions checked
//! from the header before any pixel is decoded, so a small file claiming a huge picture is
//! refused before it can take memory), cover-cropped to 256×256 and encoded again as PNG by
//! us. Nothing of the upload survives but its pixels: no metadata (EXIF, GPS, comments), no
//! trailing bytes, no second format hidden in the file.

use std::io::Cursor;

use image::imageops::FilterType;
use image::{ImageFormat, ImageReader, Limits};
use sha2::{Digest, Sha256};
use thiserror::Error;

/// The side of every stored avatar, in pixels.
pub const SIDE: u32 = 256;
/// The largest width or height accepted before decoding.
pub const MAX_DIMENSION: u32 = 4096;
/// What a decoder may allocate: a 4096×4096 RGBA picture and some slack.
const MAX_ALLOC: u64 = 96 << 20;

#[derive(Debug, Error, PartialEq, Eq)]
pub enum AvatarError {
    #[error(
        "send a PNG, JPEG, WebP or GIF picture (Content-Type image/png, image/jpeg, image/webp or image/gif)"
    )]
    UnsupportedType,
    #[error(
        "the picture is {width}×{height} pixels; at most {MAX_DIMENSION}×{MAX_DIMENSION} is accepted"
    )]
    TooManyPixels { width: u32, height: u32 },
    #[error("the picture cannot be read as {0}: {1}")]
    Undecodable(&'static str, String),
    #[error("cannot encode the avatar: {0}")]
    Encode(String),
}

/// The picture format a Content-Type names, if it is one we take.
pub fn format_of(content_type: &str) -> Result<ImageFormat, AvatarError> {
    let essence = content_type
        .split(';')
        .next()
        .unwrap_or_default()
        .trim()
        .to_ascii_lowercase();
    match essence.as_str() {
        "image/png" => Ok(ImageFormat::Png),
        "image/jpeg" | "image/jpg" => Ok(ImageFormat::Jpeg),
        "image/webp" => Ok(ImageFormat::WebP),
        "image/gif" => Ok(ImageFormat::Gif),
        _ => Err(AvatarError::UnsupportedType),
    }
}

fn name(format: ImageFormat) -> &'static str {
    match format {
        ImageFormat::Png => "PNG",
        ImageFormat::Jpeg => "JPEG",
        ImageFormat::WebP => "WebP",
        ImageFormat::Gif => "GIF",
        _ => "a picture",
    }
}

/// The upload, as the 256×256 PNG we store. CPU-bound: call it on a blocking thread.
pub fn reencode(bytes: &[u8], format: ImageFormat) -> Result<Vec<u8>, AvatarError> {
    let undecodable =
        |err: image::ImageError| AvatarError::Undecodable(name(format), err.to_string());
    let (width, height) = ImageReader::with_format(Cursor::new(bytes), format)
        .into_dimensions()
        .map_err(undecodable)?;
    if width > MAX_DIMENSION || height > MAX_DIMENSION {
        return Err(AvatarError::TooManyPixels { width, height });
    }
    if width == 0 || height == 0 {
        return Err(AvatarError::Undecodable(
            name(format),
            "the picture has no pixels".into(),
        ));
    }
    let mut limits = Limits::default();
    limits.max_image_width = Some(MAX_DIMENSION);
    limits.max_image_height = Some(MAX_DIMENSION);
    limits.max_alloc = Some(MAX_ALLOC);
    let mut reader = ImageReader::with_format(Cursor::new(bytes), format);
    reader.limits(limits);
    let picture = reader.decode().map_err(undecodable)?;
    // Cover: scale so the shorter side is 256, then crop the middle.
    let square = picture.resize_to_fill(SIDE, SIDE, FilterType::Lanczos3);
    let square = image::DynamicImage::ImageRgba8(square.into_rgba8());
    let mut out = Cursor::new(Vec::new());
    square
        .write_to(&mut out, ImageFormat::Png)
        .map_err(|err| AvatarError::Encode(err.to_string()))?;
    Ok(out.into_inner())
}

/// The version of a stored avatar: the start of its SHA-256 (the ETag and the URL's `v`).
pub fn version(png: &[u8]) -> String {
    hex::encode(&Sha256::digest(png)[..8])
}

#[cfg(test)]
mod tests {
    use super::*;

    fn encoded(width: u32, height: u32, format: ImageFormat) -> Vec<u8> {
        let picture = image::RgbImage::from_fn(width, height, |x, y| {
            image::Rgb([(x % 256) as u8, (y % 256) as u8, 128])
        });
        let mut out = Cursor::new(Vec::new());
        image::DynamicImage::ImageRgb8(picture)
            .write_to(&mut out, format)
            .expect("encode");
        out.into_inner()
    }

    #[test]
    fn pictures_become_256_pixel_square_pngs() {
        for format in [ImageFormat::Png, ImageFormat::Jpeg, ImageFormat::Gif] {
            let png = reencode(&encoded(640, 320, format), format).expect("re-encoded");
            let back = image::load_from_memory_with_format(&png, ImageFormat::Png).expect("png");
            assert_eq!((back.width(), back.height()), (SIDE, SIDE), "{format:?}");
        }
    }

    #[test]
    fn only_picture_types_are_taken() {
        assert_eq!(format_of("image/png"), Ok(ImageFormat::Png));
        assert_eq!(format_of("IMAGE/JPEG; charset=x"), Ok(ImageFormat::Jpeg));
        for bad in ["image/svg+xml", "text/html", "application/octet-stream", ""] {
            assert_eq!(format_of(bad), Err(AvatarError::UnsupportedType), "{bad}");
        }
    }

    #[test]
    fn garbage_and_a_mislabelled_picture_are_undecodable() {
        let err = reencode(b"not a picture at all", ImageFormat::Png).expect_err("garbage");
        assert!(matches!(err, AvatarError::Undecodable("PNG", _)), "{err:?}");
        let jpeg = encoded(8, 8, ImageFormat::Jpeg);
        assert!(reencode(&jpeg, ImageFormat::Png).is_err());
    }

    #[test]
    fn versions_follow_the_bytes() {
        assert_eq!(version(b"a"), version(b"a"));
        assert_ne!(version(b"a"), version(b"b"));
        assert_eq!(version(b"a").len(), 16);
    }
}
