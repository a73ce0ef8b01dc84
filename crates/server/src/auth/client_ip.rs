//! The client's address for rate limits: the socket peer (axum's `ConnectInfo`), or — only
//! when `server.trust_forwarded_for` is on, behind a proxy we run — the last hop of
//! `X-Forwarded-For`, which is the one our proxy appended (earlier hops are the client's word).

use std::net::{IpAddr, Ipv4Addr, SocketAddr};
use std::sync::Arc;

use axum::extract::{ConnectInfo, FromRequestParts};
use axum::http::HeaderMap;
use axum::http::request::Parts;

use crate::error::ApiError;
use crate::state::AppState;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct ClientIp(pub IpAddr);

impl FromRequestParts<Arc<AppState>> for ClientIp {
    type Rejection = ApiError;

    async fn from_request_parts(
        parts: &mut Parts,
        state: &Arc<AppState>,
    ) -> Result<Self, Self::Rejection> {
        let peer = parts
            .extensions
            .get::<ConnectInfo<SocketAddr>>()
            .map(|ConnectInfo(addr)| addr.ip());
        Ok(ClientIp(client_ip(
            &parts.headers,
            peer,
            state.config.server.trust_forwarded_for,
        )))
    }
}

pub fn client_ip(headers: &HeaderMap, peer: Option<IpAddr>, trust_forwarded: bool) -> IpAddr {
    let forwarded = trust_forwarded
        .then(|| last_forwarded_hop(headers))
        .flatten();
    // Without a peer (a router driven in-process) every request shares one bucket.
    forwarded
        .or(peer)
        .unwrap_or(IpAddr::V4(Ipv4Addr::UNSPECIFIED))
}

fn last_forwarded_hop(headers: &HeaderMap) -> Option<IpAddr> {
    headers
        .get_all("x-forwarded-for")
        .iter()
        .next_back()?
        .to_str()
        .ok()?
        .rsplit(',')
        .next()?
        .trim()
        .parse()
        .ok()
}

#[cfg(test)]
mod tests {
    use super::*;
    use axum::http::HeaderValue;

    #[test]
    fn the_peer_unless_forwarded_for_is_trusted_then_its_last_hop() {
        let mut headers = HeaderMap::new();
        headers.append(
            "x-forwarded-for",
            HeaderValue::from_static("1.1.1.1, 2.2.2.2"),
        );
        headers.append("x-forwarded-for", HeaderValue::from_static("3.3.3.3"));
        let peer: IpAddr = [127, 0, 0, 1].into();
        assert_eq!(client_ip(&headers, Some(peer), false), peer);
        assert_eq!(
            client_ip(&headers, Some(peer), true),
            IpAddr::from([3, 3, 3, 3])
        );
        let mut junk = HeaderMap::new();
        junk.append("x-forwarded-for", HeaderValue::from_static("nonsense"));
        assert_eq!(client_ip(&junk, Some(peer), true), peer);
        assert_eq!(
            client_ip(&HeaderMap::new(), None, false),
            IpAddr::V4(Ipv4Addr::UNSPECIFIED)
        );
    }
}
