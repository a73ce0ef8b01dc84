//! Avatars on a real server: uploads are decoded and re-encoded as our own 256×256 PNG (EXIF
//! gone), size, type and pixel limits refuse the rest, the picture is served with headers that
//! keep it a picture, and deleting it or all my data removes it.

mod server;

use std::io::Cursor;

use image::ImageFormat;
use serde_json::{Value, json};
use server::{Client, Reply, TestServer};

const PNG_MAGIC: &[u8] = b"\x89PNG\r\n\x1a\n";
const SECRET: &[u8] = b"SECRET-GPS-52.5200N-13.4050E";

fn account(server: &TestServer, name: &str) -> Client {
    let client = server.client();
    let reply = client.send(
        "POST",
        "/api/auth/signup",
        &json!({"username": name, "password": "correct horse battery"}),
    );
    assert_eq!(reply.status, 201, "{}", reply.text);
    client
}

fn picture(width: u32, height: u32, format: ImageFormat) -> Vec<u8> {
    let pixels = image::RgbImage::from_fn(width, height, |x, y| {
        image::Rgb([(x % 251) as u8, (y % 241) as u8, 90])
    });
    let mut out = Cursor::new(Vec::new());
    image::DynamicImage::ImageRgb8(pixels)
        .write_to(&mut out, format)
        .expect("encode");
    out.into_inner()
}

/// A JPEG with an EXIF segment (APP1) holding a recognisable "location".
fn jpeg_with_exif() -> Vec<u8> {
    let jpeg = picture(300, 500, ImageFormat::Jpeg);
    let mut payload = b"Exif\0\0".to_vec();
    payload.extend_from_slice(SECRET);
    let length = u16::try_from(payload.len() + 2).expect("short");
    let mut out = jpeg[..2].to_vec(); // SOI
    out.extend_from_slice(&[0xFF, 0xE1]);
    out.extend_from_slice(&length.to_be_bytes());
    out.extend_from_slice(&payload);
    out.extend_from_slice(&jpeg[2..]);
    out
}

fn crc32(bytes: &[u8]) -> u32 {
    let mut crc = 0xFFFF_FFFFu32;
    for &byte in bytes {
        crc ^= u32::from(byte);
        for _ in 0..8 {
            crc = if crc & 1 == 1 {
                (crc >> 1) ^ 0xEDB8_8320
            } else {
                crc >> 1
            };
        }
    }
    !crc
}

/// A valid PNG header claiming `width`×`height`, with no pixels behind it.
fn png_header_claiming(width: u32, height: u32) -> Vec<u8> {
    let mut ihdr = b"IHDR".to_vec();
    ihdr.extend_from_slice(&width.to_be_bytes());
    ihdr.extend_from_slice(&height.to_be_bytes());
    ihdr.extend_from_slice(&[8, 2, 0, 0, 0]); // 8-bit RGB
    let mut out = PNG_MAGIC.to_vec();
    out.extend_from_slice(&13u32.to_be_bytes());
    out.extend_from_slice(&ihdr);
    out.extend_from_slice(&crc32(&ihdr).to_be_bytes());
    // A first row's worth of zlib data (a stored block of zeros), then the end: enough for a
    // decoder to start, and far too little for 60000 rows.
    let mut idat = b"IDAT".to_vec();
    idat.extend_from_slice(&[0x78, 0x01, 0x01, 0x10, 0x00, 0xEF, 0xFF]);
    idat.extend_from_slice(&[0u8; 16]);
    out.extend_from_slice(&u32::try_from(idat.len() - 4).expect("short").to_be_bytes());
    out.extend_from_slice(&idat);
    out.extend_from_slice(&crc32(&idat).to_be_bytes());
    out.extend_from_slice(&0u32.to_be_bytes());
    out.extend_from_slice(b"IEND");
    out.extend_from_slice(&crc32(b"IEND").to_be_bytes());
    out
}

fn upload(client: &Client, content_type: &str, body: Vec<u8>) -> Reply {
    let response = client
        .http
        .put(format!("{}/api/me/avatar", client.base))
        .header("content-type", content_type)
        .body(body)
        .send()
        .expect("request");
    let status = response.status().as_u16();
    let headers = response.headers().clone();
    let text = response.text().expect("body");
    Reply {
        status,
        headers,
        body: serde_json::from_str(&text).unwrap_or(Value::Null),
        text,
    }
}

fn fetch(client: &Client, path: &str) -> (u16, reqwest::header::HeaderMap, Vec<u8>) {
    let response = client
        .http
        .get(format!("{}{path}", client.base))
        .send()
        .expect("request");
    let status = response.status().as_u16();
    let headers = response.headers().clone();
    (status, headers, response.bytes().expect("body").to_vec())
}

fn header<'h>(headers: &'h reqwest::header::HeaderMap, name: &str) -> &'h str {
    headers
        .get(name)
        .and_then(|v| v.to_str().ok())
        .unwrap_or("")
}

fn assert_our_png(bytes: &[u8]) {
    assert!(bytes.starts_with(PNG_MAGIC), "not a PNG");
    let decoded =
        image::load_from_memory_with_format(bytes, ImageFormat::Png).expect("decodes as PNG");
    assert_eq!((decoded.width(), decoded.height()), (256, 256));
}

#[test]
fn png_and_jpeg_are_stored_as_our_own_256_pixel_png_without_exif() {
    let server = TestServer::start();
    let client = account(&server, "painter");
    assert_eq!(client.get("/api/me").body["avatar_url"], Value::Null);

    let reply = upload(&client, "image/png", picture(640, 480, ImageFormat::Png));
    assert_eq!(reply.status, 200, "{}", reply.text);
    let first_url = reply.body["avatar_url"]
        .as_str()
        .expect("avatar_url")
        .to_string();
    let id = reply.body["id"].as_str().expect("id");
    assert!(
        first_url.starts_with(&format!("/api/users/{id}/avatar?v=")),
        "{first_url}"
    );
    let (status, _, bytes) = fetch(&server.client(), &first_url);
    assert_eq!(status, 200);
    assert_our_png(&bytes);

    let jpeg = jpeg_with_exif();
    assert!(jpeg.windows(SECRET.len()).any(|w| w == SECRET));
    let reply = upload(&client, "image/jpeg", jpeg);
    assert_eq!(reply.status, 200, "{}", reply.text);
    let second_url = reply.body["avatar_url"].as_str().expect("avatar_url");
    assert_ne!(second_url, first_url, "a new picture gets a new URL");
    assert_eq!(client.get("/api/me").body["avatar_url"], second_url);
    let (status, _, bytes) = fetch(&server.client(), second_url);
    assert_eq!(status, 200);
    assert_our_png(&bytes);
    assert!(
        !bytes.windows(SECRET.len()).any(|w| w == SECRET),
        "EXIF survived"
    );
    assert!(!bytes.windows(4).any(|w| w == b"Exif" || w == b"eXIf"));

    // The export says there is one.
    let export = client.get("/api/me/export");
    assert_eq!(export.body["avatar"]["format"], "png", "{}", export.text);
}

#[test]
fn the_picture_is_served_as_a_picture_with_an_etag() {
    let server = TestServer::start();
    let client = account(&server, "served");
    let reply = upload(&client, "image/webp", picture(100, 100, ImageFormat::WebP));
    assert_eq!(reply.status, 200, "{}", reply.text);
    let url = reply.body["avatar_url"].as_str().expect("url").to_string();
    let (status, headers, _) = fetch(&client, &url);
    assert_eq!(status, 200);
    assert_eq!(header(&headers, "content-type"), "image/png");
    assert_eq!(header(&headers, "x-content-type-options"), "nosniff");
    assert!(header(&headers, "content-disposition").starts_with("inline"));
    assert_eq!(
        header(&headers, "content-security-policy"),
        "default-src 'none'; sandbox"
    );
    assert!(header(&headers, "cache-control").contains("max-age"));
    let etag = header(&headers, "etag").to_string();
    assert!(etag.starts_with('"') && etag.len() > 2, "{etag}");
    // The bare URL must be revalidated; the versioned one may be kept.
    let bare = url.split('?').next().expect("path");
    let (_, bare_headers, _) = fetch(&client, bare);
    assert!(header(&bare_headers, "cache-control").contains("no-cache"));

    // A viewer without a cookie (a page showing the picture, any client) gets the picture and
    // no guest: no cookie is set for merely looking.
    let viewer = server.client();
    let (status, viewer_headers, bytes) = fetch(&viewer, &url);
    assert_eq!(status, 200);
    assert!(!bytes.is_empty());
    assert!(
        viewer_headers.get("set-cookie").is_none(),
        "{viewer_headers:?}"
    );

    let response = client
        .http
        .get(format!("{}{url}", client.base))
        .header("if-none-match", &etag)
        .send()
        .expect("request");
    assert_eq!(response.status().as_u16(), 304);
    assert_eq!(header(response.headers(), "etag"), etag);
    let stale = client
        .http
        .get(format!("{}{url}", client.base))
        .header("if-none-match", "\"something-else\"")
        .send()
        .expect("request");
    assert_eq!(stale.status().as_u16(), 200);
}

#[test]
fn wrong_types_sizes_and_pictures_are_refused() {
    let server = TestServer::start();
    let client = account(&server, "refused");
    let svg = b"<svg xmlns='http://www.w3.org/2000/svg'><script>alert(1)</script></svg>".to_vec();
    for (content_type, body) in [
        ("image/svg+xml", svg.clone()),
        (
            "text/html",
            b"<html><script>alert(1)</script></html>".to_vec(),
        ),
        (
            "application/octet-stream",
            picture(10, 10, ImageFormat::Png),
        ),
    ] {
        let reply = upload(&client, content_type, body);
        assert_eq!(reply.status, 415, "{content_type}: {}", reply.text);
        assert!(
            reply.text.contains("PNG, JPEG, WebP or GIF"),
            "{}",
            reply.text
        );
    }

    let too_big = vec![0u8; (2 << 20) + 1];
    let reply = upload(&client, "image/png", too_big);
    assert_eq!(reply.status, 413, "{}", reply.text);
    assert!(reply.text.contains("limits.avatar_bytes"), "{}", reply.text);

    let garbage = upload(&client, "image/png", b"this is not a png at all".to_vec());
    assert_eq!(garbage.status, 422, "{}", garbage.text);
    let mislabelled = upload(&client, "image/png", picture(20, 20, ImageFormat::Jpeg));
    assert_eq!(mislabelled.status, 422, "{}", mislabelled.text);
    let bomb = upload(&client, "image/png", png_header_claiming(60000, 60000));
    assert_eq!(bomb.status, 422, "{}", bomb.text);
    assert!(bomb.text.contains("60000×60000"), "{}", bomb.text);
    assert_eq!(client.get("/api/me").body["avatar_url"], Value::Null);
}

#[test]
fn a_smaller_configured_limit_is_kept() {
    let server = TestServer::start_with(|config| config.limits.avatar_bytes = 1024);
    let client = account(&server, "tiny");
    let reply = upload(&client, "image/png", picture(300, 300, ImageFormat::Png));
    assert_eq!(reply.status, 413, "{}", reply.text);
    assert!(reply.text.contains("1 KiB"), "{}", reply.text);
}

#[test]
fn guests_cannot_have_an_avatar() {
    let server = TestServer::start();
    let guest = server.client();
    let reply = upload(&guest, "image/png", picture(50, 50, ImageFormat::Png));
    assert_eq!(reply.status, 401, "{}", reply.text);
    assert_eq!(
        guest.send("DELETE", "/api/me/avatar", &json!({})).status,
        401
    );
    let id = guest.get("/api/me").body["id"]
        .as_str()
        .expect("id")
        .to_string();
    assert_eq!(fetch(&guest, &format!("/api/users/{id}/avatar")).0, 404);
}

#[test]
fn deleting_the_avatar_or_all_my_data_removes_it() {
    let server = TestServer::start();
    let client = account(&server, "leaver");
    let reply = upload(&client, "image/gif", picture(64, 64, ImageFormat::Gif));
    assert_eq!(reply.status, 200, "{}", reply.text);
    let url = reply.body["avatar_url"].as_str().expect("url").to_string();
    let deleted = client.send("DELETE", "/api/me/avatar", &json!({}));
    assert_eq!(deleted.status, 200, "{}", deleted.text);
    assert_eq!(deleted.body["avatar_url"], Value::Null);
    assert_eq!(fetch(&client, &url).0, 404);
    // Deleting what is not there is fine.
    assert_eq!(
        client.send("DELETE", "/api/me/avatar", &json!({})).status,
        200
    );

    let reply = upload(&client, "image/png", picture(64, 64, ImageFormat::Png));
    let url = reply.body["avatar_url"].as_str().expect("url").to_string();
    assert_eq!(fetch(&client, &url).0, 200);
    assert_eq!(avatars_in(&server), 1);
    let gone = client.send("DELETE", "/api/me", &json!({}));
    assert_eq!(gone.status, 200, "{}", gone.text);
    assert_eq!(fetch(&client, &url).0, 404);
    assert_eq!(avatars_in(&server), 0);
}

fn avatars_in(server: &TestServer) -> i64 {
    server.sql_i64("SELECT COUNT(*) FROM avatars", &[])
}
