/* Relais: the request form's proof of work, in a Web Worker (so typing never stutters).
   Receives the function's challenge {algorithm, challenge, maxnumber, salt, signature}
   (GET /challenge), tries 0, 1, 2… until SHA-256(salt + number) equals the challenge, and
   posts back {number}. The scheme is ALTCHA's hash-matching proof of work; SHA-256 is
   written out (synchronous, ASCII input) because crypto.subtle's one promise per hash is
   many times slower for a hundred thousand short messages. */
"use strict";
var K = new Int32Array([0x428a2f98,0x71374491,0xb5c0fbcf,0xe9b5dba5,0x3956c25b,0x59f111f1,0x923f82a4,0xab1c5ed5,0xd807aa98,0x12835b01,0x243185be,0x550c7dc3,0x72be5d74,0x80deb1fe,0x9bdc06a7,0xc19bf174,0xe49b69c1,0xefbe4786,0x0fc19dc6,0x240ca1cc,0x2de92c6f,0x4a7484aa,0x5cb0a9dc,0x76f988da,0x983e5152,0xa831c66d,0xb00327c8,0xbf597fc7,0xc6e00bf3,0xd5a79147,0x06ca6351,0x14292967,0x27b70a85,0x2e1b2138,0x4d2c6dfc,0x53380d13,0x650a7354,0x766a0abb,0x81c2c92e,0x92722c85,0xa2bfe8a1,0xa81a664b,0xc24b8b70,0xc76c51a3,0xd192e819,0xd6990624,0xf40e3585,0x106aa070,0x19a4c116,0x1e376c08,0x2748774c,0x34b0bcb5,0x391c0cb3,0x4ed8aa4a,0x5b9cca4f,0x682e6ff3,0x748f82ee,0x78a5636f,0x84c87814,0x8cc70208,0x90befffa,0xa4506ceb,0xbef9a3f7,0xc67178f2]);
var H0 = [0x6a09e667,0xbb67ae85,0x3c6ef372,0xa54ff53a,0x510e527f,0x9b05688c,0x1f83d9ab,0x5be0cd19];
var W = new Int32Array(64);

function rotr(x, n) { return (x >>> n) | (x << (32 - n)); }

var M = new Int32Array(64);  /* the padded message: at most 4 blocks (ASCII salt + digits) */
var H = new Int32Array(8);

/* SHA-256 of an ASCII string (under 240 characters) into H, without allocating. */
function sha256(text) {
  var length = text.length;
  var words = (((length + 8) >> 6) + 1) << 4;
  M.fill(0, 0, words);
  for (var i = 0; i < length; i++) M[i >> 2] |= text.charCodeAt(i) << (24 - (i & 3) * 8);
  M[length >> 2] |= 0x80 << (24 - (length & 3) * 8);
  M[words - 1] = length * 8;
  for (i = 0; i < 8; i++) H[i] = H0[i];
  for (var block = 0; block < words; block += 16) {
    for (var t = 0; t < 64; t++) {
      if (t < 16) {
        W[t] = M[block + t];
      } else {
        var a15 = W[t - 15], a2 = W[t - 2];
        W[t] = (W[t - 16] + (rotr(a15, 7) ^ rotr(a15, 18) ^ (a15 >>> 3)) + W[t - 7] +
          (rotr(a2, 17) ^ rotr(a2, 19) ^ (a2 >>> 10))) | 0;
      }
    }
    var a = H[0], b = H[1], c = H[2], d = H[3], e = H[4], f = H[5], g = H[6], hh = H[7];
    for (t = 0; t < 64; t++) {
      var t1 = (hh + (rotr(e, 6) ^ rotr(e, 11) ^ rotr(e, 25)) + ((e & f) ^ (~e & g)) + K[t] + W[t]) | 0;
      var t2 = ((rotr(a, 2) ^ rotr(a, 13) ^ rotr(a, 22)) + ((a & b) ^ (a & c) ^ (b & c))) | 0;
      hh = g; g = f; f = e; e = (d + t1) | 0; d = c; c = b; b = a; a = (t1 + t2) | 0;
    }
    H[0] = (H[0] + a) | 0; H[1] = (H[1] + b) | 0; H[2] = (H[2] + c) | 0; H[3] = (H[3] + d) | 0;
    H[4] = (H[4] + e) | 0; H[5] = (H[5] + f) | 0; H[6] = (H[6] + g) | 0; H[7] = (H[7] + hh) | 0;
  }
  return H;
}

function words(hex) {
  var out = [];
  for (var i = 0; i < 8; i++) out.push(parseInt(hex.slice(i * 8, i * 8 + 8), 16) | 0);
  return out;
}

function solve(challenge) {
  if (challenge.algorithm !== "SHA-256" || !/^[0-9a-f]{64}$/.test(challenge.challenge)) return -1;
  var target = words(challenge.challenge);
  var salt = String(challenge.salt);
  var max = Number(challenge.maxnumber);
  if (salt.length > 200 || !(max >= 0)) return -1;
  for (var n = 0; n <= max; n++) {
    var h = sha256(salt + n);
    if (h[0] === target[0] && h[1] === target[1] && h[2] === target[2] && h[3] === target[3] &&
        h[4] === target[4] && h[5] === target[5] && h[6] === target[6] && h[7] === target[7]) return n;
  }
  return -1;
}

if (typeof self !== "undefined" && typeof self.postMessage === "function") {
  self.onmessage = function (event) {
    var number = solve(event.data || {});
    self.postMessage(number >= 0 ? { number: number } : { error: "unsolved" });
  };
}
if (typeof module !== "undefined") module.exports = { sha256: sha256, solve: solve };
