/**
 * Vectorised transcendental kernels on f64x2: exp, expm1, log, log1p, log2, log10, sin, cos,
 * tanh. Each `unary_<op>(x, out, n)` reads `n` contiguous float64 at byte offset `x` and
 * writes `n` results at byte offset `out` (`out == x` is allowed). Every loop runs two vectors
 * a step, then one vector, then a scalar tail for the last odd element; the tail pushes that
 * one element through the same vector code, so body and tail give identical bits.
 *
 * Accuracy goal: within 4 ulp of the host's `Math.*` (fdlibm) on the whole double range; the
 * measured maximum is quoted in test/wasm-transcendental.test.ts. Special values (NaN, ±Inf,
 * ±0, overflow, underflow, subnormals) are fixed up with lane-wise selects, no per-element
 * branches. sin/cos fall back to the scalar `Math` path (Payne-Hanek) for a vector holding a
 * lane with |x| ≥ 2^20 or a NaN, or a lane that reduces to almost exactly a multiple of π/2.
 *
 * The polynomial coefficients are the published fdlibm ones (log, sin, cos kernels) and
 * a Chebyshev fit (exp's careful path, expm1); exp's fast path uses a 2 KB table of 2^(j/128)
 * (the module's only static data of this file); every other constant is an immediate `v128.const`.
 */

// ---------------------------------------------------------------------------------------------
// Small lane-wise helpers
// ---------------------------------------------------------------------------------------------

/** Round-to-integer shifter: adding it to |v| < 2^51 leaves round(v) in the low mantissa bits. */
const SHIFTER: f64 = 6755399441055744.0; // 0x1.8p52
/** Bit pattern of SHIFTER, to read the rounded integer back out of the sum. */
const SHIFTER_BITS: i64 = 0x4338000000000000;
const LOG2E: f64 = 1.4426950408889634;
const LN2_HI: f64 = reinterpret<f64>(0x3FE62E42FEE00000); // 32 trailing zero bits
const LN2_LO: f64 = reinterpret<f64>(0x3DEA39EF35793C76);

// @ts-ignore: decorator
@inline function splat(c: f64): v128 {
  return f64x2.splat(c);
}

/** a*b + c, lane-wise (two roundings; WebAssembly SIMD has no deterministic FMA). */
// @ts-ignore: decorator
@inline function madd(a: v128, b: v128, c: v128): v128 {
  return f64x2.add(f64x2.mul(a, b), c);
}

/** Rounds each lane to the nearest integer; returns the sum with SHIFTER (integer in low bits). */
// @ts-ignore: decorator
@inline function roundShifted(v: v128): v128 {
  return f64x2.add(v, splat(SHIFTER));
}

/** Integer lanes (i64) of a value produced by `roundShifted`. */
// @ts-ignore: decorator
@inline function shiftedToInt(shifted: v128): v128 {
  return i64x2.sub(shifted, i64x2.splat(SHIFTER_BITS));
}

/** i64 lanes (|k| < 2^51) to f64 lanes. */
// @ts-ignore: decorator
@inline function intToF64(k: v128): v128 {
  return f64x2.sub(i64x2.add(k, i64x2.splat(SHIFTER_BITS)), splat(SHIFTER));
}

/** 2^k for integer lanes k in [-1022, 1023], built in the exponent field. */
// @ts-ignore: decorator
@inline function pow2(k: v128): v128 {
  return i64x2.shl(i64x2.add(k, i64x2.splat(1023)), 52);
}

/**
 * y · 2^k for k in [-1100, 1100]: one multiply when every lane has |x| < 708 (k within the
 * normal exponents), else two exact steps by 2^(k - 512·s) and 2^(512·s), s = sign of k, so
 * subnormal results round once and large ones overflow to +Inf.
 */
// @ts-ignore: decorator
@inline function scaleByPow2(y: v128, k: v128, x: v128): v128 {
  if (i64x2.all_true(absLess(x, 708.0))) return f64x2.mul(y, pow2(k));
  // (x lanes may be NaN here: any scale works for them)
  const big = v128.and(i64x2.splat(512), i64x2.gt_s(k, i64x2.splat(0)));
  const step = i64x2.sub(big, v128.and(i64x2.splat(512), i64x2.lt_s(k, i64x2.splat(0))));
  return f64x2.mul(f64x2.mul(y, pow2(i64x2.sub(k, step))), pow2(step));
}

/** Clamps lanes to [lo, hi]; NaN stays NaN (pseudo-min/max: one instruction each on x64). */
// @ts-ignore: decorator
@inline function clamp(v: v128, lo: f64, hi: f64): v128 {
  return f64x2.pmin(f64x2.pmax(v, splat(lo)), splat(hi));
}

/** Lane mask where |v| < limit (false for NaN). */
// @ts-ignore: decorator
@inline function absLess(v: v128, limit: f64): v128 {
  return f64x2.lt(f64x2.abs(v), splat(limit));
}

// ---------------------------------------------------------------------------------------------
// exp, expm1
// ---------------------------------------------------------------------------------------------

/**
 * r²·g(r) with g(r) = (expm1(r) - r)/r², so expm1(r) = r + this for |r| ≤ ln2/2 + small.
 * g is a degree-9 Chebyshev fit (mpmath chebyfit at 120 bits, coefficients rounded to double;
 * error of 1 + r + r²·g against e^r below 0.15 ulp), about 1/(n+2)! for the r^n term.
 * Evaluated as even and odd Horner chains in r² that run in parallel.
 */
// @ts-ignore: decorator
@inline function expm1Tail(r: v128): v128 {
  const r2 = f64x2.mul(r, r);
  const even = madd(r2, madd(r2, madd(r2, madd(r2,
    splat(2.7620138719733994e-07), splat(2.480152119021773e-05)),
    splat(0.0013888888917281794)), splat(0.04166666666662399)), splat(0.5000000000000001));
  const odd = madd(r2, madd(r2, madd(r2, madd(r2,
    splat(2.5100424157005067e-08), splat(2.7557268378684192e-06)),
    splat(0.00019841269863105968)), splat(0.008333333333330051)), splat(0.16666666666666669));
  return f64x2.mul(r2, madd(r, odd, even));
}

/**
 * e^(hi - lo) - 1 + a with one final rounding, where x = k·ln2 + (hi - lo) is the Cody-Waite
 * reduction: r = hi - lo and its rounding error c are split exactly, a + r too (fast two-sum,
 * valid as a = 0 or |a| ≥ 1/2 > |r|), and both errors join the small terms.
 */
// @ts-ignore: decorator
@inline function addExpm1Reduced(a: v128, hi: v128, lo: v128): v128 {
  const r = f64x2.sub(hi, lo);
  const c = f64x2.sub(f64x2.sub(hi, r), lo);
  const s = f64x2.add(a, r);
  const err = f64x2.add(f64x2.sub(a, s), r);
  return f64x2.add(s, f64x2.add(expm1Tail(r), f64x2.add(err, c)));
}

/** x - kd·LN2_HI, exact as kd·LN2_HI is (|k| < 2^21 and LN2_HI has 32 trailing zero bits). */
// @ts-ignore: decorator
@inline function reducedHi(x: v128, kd: v128): v128 {
  return f64x2.sub(x, f64x2.mul(kd, splat(LN2_HI)));
}

/**
 * exp on two lanes, any input: 2^k · (1 + expm1(r)), x = k·ln2 + r (Cody-Waite by ln2,
 * degree-11 tail). Handles NaN, ±Inf, overflow and correctly rounded subnormal results.
 */
// @ts-ignore: decorator
@inline function expCareful(x: v128): v128 {
  // clamp: below -746 the result is 0, above 710 it is +Inf; NaN passes through min/max
  const xc = clamp(x, -746.0, 710.0);
  const shifted = roundShifted(f64x2.mul(xc, splat(LOG2E)));
  const kd = f64x2.sub(shifted, splat(SHIFTER));
  const r = f64x2.sub(reducedHi(xc, kd), f64x2.mul(kd, splat(LN2_LO)));
  const y = f64x2.add(splat(1.0), f64x2.add(r, expm1Tail(r)));
  return scaleByPow2(y, shiftedToInt(shifted), x);
}

/** Table size of the fast exp (2^EXP_BITS entries of 2^(j/N)). */
const EXP_BITS = 7;
const EXP_N = 1 << EXP_BITS;
/** N/ln2, and ln2/N in hi (35 significant bits: kd·hi is exact for |kd| < 2^18) + lo parts. */
const EXP_INV_LN2_N: f64 = reinterpret<f64>(0x40671547652B82FE); // 0x1.71547652b82fep0 · 128
const EXP_NEG_LN2_HI_N: f64 = reinterpret<f64>(0xBF762E42FEFA0000); // -0x1.62e42fefa0000p-8
const EXP_NEG_LN2_LO_N: f64 = reinterpret<f64>(0xBD0CF79ABC9E3B3A); // -0x1.cf79abc9e3b3ap-47
/** Inputs with |x| below this take the table path (results normal, far from overflow). */
const EXP_FAST_LIMIT: f64 = 704.0;

/**
 * 2^(j/N) for j < N as pairs (tail, scale bits − j·2^45): scale is 2^(j/N) rounded to double
 * with its exponent lowered so that adding k·2^45 (k = q·N + j) yields 2^q·scale, and
 * tail = 2^(j/N)/scale − 1 (the rounding error, about 2^-53). The table layout and the
 * polynomial follow ARM's optimized-routines exp (N = 128, 0.51 ulp without FMA); the
 * values were generated with mpmath at 200 bits. 2 KB of static data, 16-byte aligned.
 * Two zero words end it: AssemblyScript's Math.sin/cos (the scalar fallback above) read one
 * word before their own table of 2/π bits for 2^20 ≤ |x| < 2^22 and need it to be 0 there,
 * and that table is laid out right after this one.
 */
const EXP_TABLE: usize = memory.data<u64>([
  0x0000000000000000, 0x3FF0000000000000, 0x3C9B3B4F1A88BF6E, 0x3FEFF63DA9FB3335,
  0xBC7160139CD8DC5D, 0x3FEFEC9A3E778061, 0xBC905E7A108766D1, 0x3FEFE315E86E7F85,
  0x3C8CD2523567F613, 0x3FEFD9B0D3158574, 0xBC8BCE8023F98EFA, 0x3FEFD06B29DDF6DE,
  0x3C60F74E61E6C861, 0x3FEFC74518759BC8, 0x3C90A3E45B33D399, 0x3FEFBE3ECAC6F383,
  0x3C979AA65D837B6D, 0x3FEFB5586CF9890F, 0x3C8EB51A92FDEFFC, 0x3FEFAC922B7247F7,
  0x3C3EBE3D702F9CD1, 0x3FEFA3EC32D3D1A2, 0xBC6A033489906E0B, 0x3FEF9B66AFFED31B,
  0xBC9556522A2FBD0E, 0x3FEF9301D0125B51, 0xBC5080EF8C4EEA55, 0x3FEF8ABDC06C31CC,
  0xBC91C923B9D5F416, 0x3FEF829AAEA92DE0, 0x3C80D3E3E95C55AF, 0x3FEF7A98C8A58E51,
  0xBC801B15EAA59348, 0x3FEF72B83C7D517B, 0xBC8F1FF055DE323D, 0x3FEF6AF9388C8DEA,
  0x3C8B898C3F1353BF, 0x3FEF635BEB6FCB75, 0xBC96D99C7611EB26, 0x3FEF5BE084045CD4,
  0x3C9AECF73E3A2F60, 0x3FEF54873168B9AA, 0xBC8FE782CB86389D, 0x3FEF4D5022FCD91D,
  0x3C8A6F4144A6C38D, 0x3FEF463B88628CD6, 0x3C807A05B0E4047D, 0x3FEF3F49917DDC96,
  0x3C968EFDE3A8A894, 0x3FEF387A6E756238, 0x3C875E18F274487D, 0x3FEF31CE4FB2A63F,
  0x3C80472B981FE7F2, 0x3FEF2B4565E27CDD, 0xBC96B87B3F71085E, 0x3FEF24DFE1F56381,
  0x3C82F7E16D09AB31, 0x3FEF1E9DF51FDEE1, 0xBC3D219B1A6FBFFA, 0x3FEF187FD0DAD990,
  0x3C8B3782720C0AB4, 0x3FEF1285A6E4030B, 0x3C6E149289CECB8F, 0x3FEF0CAFA93E2F56,
  0x3C834D754DB0ABB6, 0x3FEF06FE0A31B715, 0x3C864201E2AC744C, 0x3FEF0170FC4CD831,
  0x3C8FDD395DD3F84A, 0x3FEEFC08B26416FF, 0xBC86A3803B8E5B04, 0x3FEEF6C55F929FF1,
  0xBC924AEDCC4B5068, 0x3FEEF1A7373AA9CB, 0xBC9907F81B512D8E, 0x3FEEECAE6D05D866,
  0xBC71D1E83E9436D2, 0x3FEEE7DB34E59FF7, 0xBC991919B3CE1B15, 0x3FEEE32DC313A8E5,
  0x3C859F48A72A4C6D, 0x3FEEDEA64C123422, 0xBC9312607A28698A, 0x3FEEDA4504AC801C,
  0xBC58A78F4817895B, 0x3FEED60A21F72E2A, 0xBC7C2C9B67499A1B, 0x3FEED1F5D950A897,
  0x3C4363ED60C2AC11, 0x3FEECE086061892D, 0x3C9666093B0664EF, 0x3FEECA41ED1D0057,
  0x3C6ECCE1DAA10379, 0x3FEEC6A2B5C13CD0, 0x3C93FF8E3F0F1230, 0x3FEEC32AF0D7D3DE,
  0x3C7690CEBB7AAFB0, 0x3FEEBFDAD5362A27, 0x3C931DBDEB54E077, 0x3FEEBCB299FDDD0D,
  0xBC8F94340071A38E, 0x3FEEB9B2769D2CA7, 0xBC87DECCDC93A349, 0x3FEEB6DAA2CF6642,
  0xBC78DEC6BD0F385F, 0x3FEEB42B569D4F82, 0xBC861246EC7B5CF6, 0x3FEEB1A4CA5D920F,
  0x3C93350518FDD78E, 0x3FEEAF4736B527DA, 0x3C7B98B72F8A9B05, 0x3FEEAD12D497C7FD,
  0x3C9063E1E21C5409, 0x3FEEAB07DD485429, 0x3C34C7855019C6EA, 0x3FEEA9268A5946B7,
  0x3C9432E62B64C035, 0x3FEEA76F15AD2148, 0xBC8CE44A6199769F, 0x3FEEA5E1B976DC09,
  0xBC8C33C53BEF4DA8, 0x3FEEA47EB03A5585, 0xBC845378892BE9AE, 0x3FEEA34634CCC320,
  0xBC93CEDD78565858, 0x3FEEA23882552225, 0x3C5710AA807E1964, 0x3FEEA155D44CA973,
  0xBC93B3EFBF5E2228, 0x3FEEA09E667F3BCD, 0xBC6A12AD8734B982, 0x3FEEA012750BDABF,
  0xBC6367EFB86DA9EE, 0x3FEE9FB23C651A2F, 0xBC80DC3D54E08851, 0x3FEE9F7DF9519484,
  0xBC781F647E5A3ECF, 0x3FEE9F75E8EC5F74, 0xBC86EE4AC08B7DB0, 0x3FEE9F9A48A58174,
  0xBC8619321E55E68A, 0x3FEE9FEB564267C9, 0x3C909CCB5E09D4D3, 0x3FEEA0694FDE5D3F,
  0xBC7B32DCB94DA51D, 0x3FEEA11473EB0187, 0x3C94ECFD5467C06B, 0x3FEEA1ED0130C132,
  0x3C65EBE1ABD66C55, 0x3FEEA2F336CF4E62, 0xBC88A1C52FB3CF42, 0x3FEEA427543E1A12,
  0xBC9369B6F13B3734, 0x3FEEA589994CCE13, 0xBC805E843A19FF1E, 0x3FEEA71A4623C7AD,
  0xBC94D450D872576E, 0x3FEEA8D99B4492ED, 0x3C90AD675B0E8A00, 0x3FEEAAC7D98A6699,
  0x3C8DB72FC1F0EAB4, 0x3FEEACE5422AA0DB, 0xBC65B6609CC5E7FF, 0x3FEEAF3216B5448C,
  0x3C7BF68359F35F44, 0x3FEEB1AE99157736, 0xBC93091FA71E3D83, 0x3FEEB45B0B91FFC6,
  0xBC5DA9B88B6C1E29, 0x3FEEB737B0CDC5E5, 0xBC6C23F97C90B959, 0x3FEEBA44CBC8520F,
  0xBC92434322F4F9AA, 0x3FEEBD829FDE4E50, 0xBC85CA6CD7668E4B, 0x3FEEC0F170CA07BA,
  0x3C71AFFC2B91CE27, 0x3FEEC49182A3F090, 0x3C6DD235E10A73BB, 0x3FEEC86319E32323,
  0xBC87C50422622263, 0x3FEECC667B5DE565, 0x3C8B1C86E3E231D5, 0x3FEED09BEC4A2D33,
  0xBC91BBD1D3BCBB15, 0x3FEED503B23E255D, 0x3C90CC319CEE31D2, 0x3FEED99E1330B358,
  0x3C8469846E735AB3, 0x3FEEDE6B5579FDBF, 0xBC82DFCD978E9DB4, 0x3FEEE36BBFD3F37A,
  0x3C8C1A7792CB3387, 0x3FEEE89F995AD3AD, 0xBC907B8F4AD1D9FA, 0x3FEEEE07298DB666,
  0xBC55C3D956DCAEBA, 0x3FEEF3A2B84F15FB, 0xBC90A40E3DA6F640, 0x3FEEF9728DE5593A,
  0xBC68D6F438AD9334, 0x3FEEFF76F2FB5E47, 0xBC91EEE26B588A35, 0x3FEF05B030A1064A,
  0x3C74FFD70A5FDDCD, 0x3FEF0C1E904BC1D2, 0xBC91BDFBFA9298AC, 0x3FEF12C25BD71E09,
  0x3C736EAE30AF0CB3, 0x3FEF199BDD85529C, 0x3C8EE3325C9FFD94, 0x3FEF20AB5FFFD07A,
  0x3C84E08FD10959AC, 0x3FEF27F12E57D14B, 0x3C63CDAF384E1A67, 0x3FEF2F6D9406E7B5,
  0x3C676B2C6C921968, 0x3FEF3720DCEF9069, 0xBC808A1883CCB5D2, 0x3FEF3F0B555DC3FA,
  0xBC8FAD5D3FFFFA6F, 0x3FEF472D4A07897C, 0xBC900DAE3875A949, 0x3FEF4F87080D89F2,
  0x3C74A385A63D07A7, 0x3FEF5818DCFBA487, 0xBC82919E2040220F, 0x3FEF60E316C98398,
  0x3C8E5A50D5C192AC, 0x3FEF69E603DB3285, 0x3C843A59AC016B4B, 0x3FEF7321F301B460,
  0xBC82D52107B43E1F, 0x3FEF7C97337B9B5F, 0xBC892AB93B470DC9, 0x3FEF864614F5A129,
  0x3C74B604603A88D3, 0x3FEF902EE78B3FF6, 0x3C83C5EC519D7271, 0x3FEF9A51FBC74C83,
  0xBC8FF7128FD391F0, 0x3FEFA4AFA2A490DA, 0xBC8DAE98E223747D, 0x3FEFAF482D8E67F1,
  0x3C8EC3BC41AA2008, 0x3FEFBA1BEE615A27, 0x3C842B94C3A9EB32, 0x3FEFC52B376BBA97,
  0x3C8A64A931D185EE, 0x3FEFD0765B6E4540, 0xBC8E37BAE43BE3ED, 0x3FEFDBFDAD9CBE14,
  0x3C77893B4D91CD9D, 0x3FEFE7C1819E90D8, 0x3C5305C14160CC89, 0x3FEFF3C22B8F71F1,
  0, 0, // padding: the word before AssemblyScript's 2/π table (see above)
], 16);

/**
 * exp on two lanes with every |x| < EXP_FAST_LIMIT: x = (q·N + j)·ln2/N + r, |r| ≤ ln2/(2N)
 * (+ rounding), e^x = 2^q · 2^(j/N) · e^r with a degree-5 polynomial for e^r (error of the
 * polynomial 1.6·2^-66 on that interval; coefficients from optimized-routines).
 */
// @ts-ignore: decorator
@inline function expTable(x: v128): v128 {
  const shifted = roundShifted(f64x2.mul(x, splat(EXP_INV_LN2_N)));
  const kd = f64x2.sub(shifted, splat(SHIFTER));
  const r = f64x2.add(f64x2.add(x, f64x2.mul(kd, splat(EXP_NEG_LN2_HI_N))),
    f64x2.mul(kd, splat(EXP_NEG_LN2_LO_N)));
  // byte offsets of table entries j = k mod N, in the i32 lanes 0 and 2
  const offsets = i32x4.shl(v128.and(shifted, i32x4.splat(EXP_N - 1)), 4);
  const e0 = v128.load(EXP_TABLE + <usize>i32x4.extract_lane(offsets, 0));
  const e1 = v128.load(EXP_TABLE + <usize>i32x4.extract_lane(offsets, 2));
  const tail = i64x2.shuffle(e0, e1, 0, 2);
  const scale = i64x2.add(i64x2.shuffle(e0, e1, 1, 3), i64x2.shl(shifted, 52 - EXP_BITS));
  const r2 = f64x2.mul(r, r);
  const p = f64x2.add(
    f64x2.add(tail, r),
    f64x2.add(
      f64x2.mul(r2, madd(r, splat(reinterpret<f64>(0x3FC555555555543C)), splat(reinterpret<f64>(0x3FDFFFFFFFFFFDBD)))),
      f64x2.mul(f64x2.mul(r2, r2),
        madd(r, splat(reinterpret<f64>(0x3F81111167A4D017)), splat(reinterpret<f64>(0x3FA55555CF172B91))))));
  return madd(scale, p, scale);
}

/** exp on two lanes: the table path when both lanes are in its range, else the careful one. */
// @ts-ignore: decorator
@inline function expV(x: v128): v128 {
  return i64x2.all_true(absLess(x, EXP_FAST_LIMIT)) ? expTable(x) : expCareful(x);
}



/** expm1 on two lanes: 2^k·((1 - 2^-k) + expm1(r)), -0 kept. */
// @ts-ignore: decorator
@inline function expm1V(x: v128): v128 {
  // below -50 the result rounds to -1
  const xc = clamp(x, -50.0, 710.0);
  const shifted = roundShifted(f64x2.mul(xc, splat(LOG2E)));
  const kd = f64x2.sub(shifted, splat(SHIFTER));
  const k = shiftedToInt(shifted);
  // 2^-k, with k capped at 1000 (beyond that 1 - 2^-k rounds to 1 anyway)
  const kCapped = v128.bitselect(k, i64x2.splat(1000), i64x2.lt_s(k, i64x2.splat(1000)));
  const oneMinus = f64x2.sub(splat(1.0), pow2(i64x2.neg(kCapped)));
  const t = addExpm1Reduced(oneMinus, reducedHi(xc, kd), f64x2.mul(kd, splat(LN2_LO)));
  return v128.bitselect(x, scaleByPow2(t, k, x), f64x2.eq(x, splat(0.0)));
}

// ---------------------------------------------------------------------------------------------
// log family: x = 2^k · m, m in [sqrt(1/2), sqrt(2)), f = m - 1, s = f / (2 + f)
// ---------------------------------------------------------------------------------------------

const MANTISSA_OFFSET: i64 = 0x3FE6A09E667F3BCD; // bits of sqrt(1/2)
const SMALLEST_NORMAL: f64 = 2.2250738585072014e-308;

/** x with subnormal lanes scaled by 2^52 (garbage is fine for x ≤ 0, Inf, NaN). */
// @ts-ignore: decorator
@inline function normalised(x: v128): v128 {
  return v128.bitselect(f64x2.mul(x, splat(4503599627370496.0)), x,
    f64x2.lt(x, splat(SMALLEST_NORMAL)));
}

/** k (f64 lanes) of xn = 2^k·m, m in [sqrt(1/2), sqrt(2)); 52 less where x is subnormal. */
// @ts-ignore: decorator
@inline function exponentOf(xn: v128, x: v128): v128 {
  // k + 1023 ≥ 0 for every normalised positive lane, so a logical shift is enough
  const biased = i64x2.shr_u(i64x2.add(i64x2.sub(xn, i64x2.splat(MANTISSA_OFFSET)),
    i64x2.splat(0x3FF0000000000000)), 52);
  const bias = v128.and(i64x2.splat(52), f64x2.lt(x, splat(SMALLEST_NORMAL)));
  return intToF64(i64x2.sub(i64x2.sub(biased, i64x2.splat(1023)), bias));
}

/** f = m - 1 for xn = 2^k·m, m in [sqrt(1/2), sqrt(2)) (exact). */
// @ts-ignore: decorator
@inline function mantissaMinusOne(xn: v128): v128 {
  const tmp = i64x2.sub(xn, i64x2.splat(MANTISSA_OFFSET));
  const m = i64x2.sub(xn, v128.and(tmp, i64x2.splat(<i64>0xFFF0000000000000)));
  return f64x2.sub(m, splat(1.0));
}

/** f²/2. */
// @ts-ignore: decorator
@inline function halfSquare(f: v128): v128 {
  return f64x2.mul(splat(0.5), f64x2.mul(f, f));
}

/**
 * s·(f²/2 + R(s²)) with s = f/(2 + f), so log1p(f) = f - f²/2 + this (fdlibm Lg1..Lg7).
 */
// @ts-ignore: decorator
@inline function log1pRemainder(f: v128): v128 {
  const s = f64x2.div(f, f64x2.add(splat(2.0), f));
  const z = f64x2.mul(s, s);
  const w = f64x2.mul(z, z);
  const t1 = f64x2.mul(w, madd(w, madd(w, splat(1.531383769920937332e-01),
    splat(2.222219843214978396e-01)), splat(3.999999999940941908e-01)));
  const t2 = f64x2.mul(z, madd(w, madd(w, madd(w, splat(1.479819860511658591e-01),
    splat(1.818357216161805012e-01)), splat(2.857142874366239149e-01)),
    splat(6.666666666666735130e-01)));
  return f64x2.mul(s, f64x2.add(halfSquare(f), f64x2.add(t1, t2)));
}

/** Results for lanes outside (lo, +Inf): lo → -Inf, below lo → NaN, +Inf and NaN → themselves. */
// @ts-ignore: decorator
@inline function logDomain(x: v128, y: v128, lo: f64): v128 {
  const inside = v128.and(f64x2.gt(x, splat(lo)), f64x2.lt(x, splat(Infinity)));
  const edge = v128.bitselect(splat(-Infinity),
    v128.bitselect(splat(NaN), x, f64x2.lt(x, splat(lo))), f64x2.eq(x, splat(lo)));
  return v128.bitselect(y, edge, inside);
}

/** k·ln2 + log1p(f) + c, summed small terms first (c: a correction far below f). */
// @ts-ignore: decorator
@inline function logAssemble(k: v128, f: v128, c: v128): v128 {
  const small = f64x2.add(log1pRemainder(f), madd(k, splat(LN2_LO), c));
  return f64x2.add(f64x2.add(f64x2.sub(small, halfSquare(f)), f), f64x2.mul(k, splat(LN2_HI)));
}

/** log on two lanes. */
// @ts-ignore: decorator
@inline function logV(x: v128): v128 {
  const xn = normalised(x);
  return logDomain(x, logAssemble(exponentOf(xn, x), mantissaMinusOne(xn), splat(0.0)), 0.0);
}

/** log1p on two lanes: log(u) for u = 1 + x plus the rounding correction c/u; ±0 kept. */
// @ts-ignore: decorator
@inline function log1pV(x: v128): v128 {
  const u = f64x2.add(splat(1.0), x);
  // c = exact (1 + x) - u: from u - x when u ≥ 2 (exact there), else from u - 1
  const c = f64x2.div(v128.bitselect(f64x2.sub(splat(1.0), f64x2.sub(u, x)),
    f64x2.sub(x, f64x2.sub(u, splat(1.0))), f64x2.ge(u, splat(2.0))), u);
  const y = logAssemble(exponentOf(u, u), mantissaMinusOne(u), c);
  return v128.bitselect(x, logDomain(x, y, -1.0), f64x2.eq(x, splat(0.0)));
}

/** f - f²/2 with its low 32 bits cleared: products with it by a 21-bit constant are exact. */
// @ts-ignore: decorator
@inline function logHi(f: v128): v128 {
  return v128.and(f64x2.sub(f, halfSquare(f)), i64x2.splat(<i64>0xFFFFFFFF00000000));
}

/** log1p(f) - hi, the low part. */
// @ts-ignore: decorator
@inline function logLo(f: v128, hi: v128): v128 {
  return f64x2.add(f64x2.sub(f64x2.sub(f, hi), halfSquare(f)), log1pRemainder(f));
}

/** y + valHi + valLo, with the rounding error of y + valHi carried into the low sum. */
// @ts-ignore: decorator
@inline function sumHiLo(y: v128, valHi: v128, valLo: v128): v128 {
  const w = f64x2.add(y, valHi);
  return f64x2.add(f64x2.add(valLo, f64x2.add(f64x2.sub(y, w), valHi)), w);
}

/** log2 on two lanes: k + log1p(f)/ln2 with 1/ln2 and log1p(f) in hi + lo parts. */
// @ts-ignore: decorator
@inline function log2V(x: v128): v128 {
  const IVLN2_HI = reinterpret<f64>(0x3FF7154765200000);
  const IVLN2_LO = reinterpret<f64>(0x3DE705FC2EEFA200);
  const xn = normalised(x);
  const f = mantissaMinusOne(xn);
  const hi = logHi(f);
  const lo = logLo(f, hi);
  const valHi = f64x2.mul(hi, splat(IVLN2_HI));
  const valLo = madd(f64x2.add(lo, hi), splat(IVLN2_LO), f64x2.mul(lo, splat(IVLN2_HI)));
  return logDomain(x, sumHiLo(exponentOf(xn, x), valHi, valLo), 0.0);
}

/** log10 on two lanes: k·log10(2) + log1p(f)/ln10, constants in hi + lo parts. */
// @ts-ignore: decorator
@inline function log10V(x: v128): v128 {
  const IVLN10_HI = reinterpret<f64>(0x3FDBCB7B15200000);
  const IVLN10_LO = reinterpret<f64>(0x3DBB9438CA9AADD5);
  const LOG10_2_HI = reinterpret<f64>(0x3FD34413509F6000);
  const LOG10_2_LO = reinterpret<f64>(0x3D59FEF311F12B36);
  const xn = normalised(x);
  const k = exponentOf(xn, x);
  const f = mantissaMinusOne(xn);
  const hi = logHi(f);
  const lo = logLo(f, hi);
  const valHi = f64x2.mul(hi, splat(IVLN10_HI));
  const valLo = madd(k, splat(LOG10_2_LO), madd(f64x2.add(lo, hi), splat(IVLN10_LO),
    f64x2.mul(lo, splat(IVLN10_HI))));
  return logDomain(x, sumHiLo(f64x2.mul(k, splat(LOG10_2_HI)), valHi, valLo), 0.0);
}

// ---------------------------------------------------------------------------------------------
// sin, cos: x = k·π/2 + (y0 + y1), |y0| ≤ π/4 (+ rounding); fdlibm kernels on [-π/4, π/4]
// ---------------------------------------------------------------------------------------------

/** Largest |x| taken by the vector path; k·PIO2_1 and k·PIO2_2 stay exact below it. */
const TRIG_FAST_LIMIT: f64 = 1048576.0; // 2^20

/** sin(y0 + y1) for |y0| ≤ π/4 (fdlibm __kernel_sin). */
// @ts-ignore: decorator
@inline function sinKernel(x: v128, y: v128): v128 {
  const z = f64x2.mul(x, x);
  const w = f64x2.mul(z, z);
  const r = f64x2.add(
    madd(z, madd(z, splat(2.75573137070700676789e-06), splat(-1.98412698298579493134e-04)),
      splat(8.33333333332248946124e-03)),
    f64x2.mul(f64x2.mul(z, w), madd(z, splat(1.58969099521155010221e-10),
      splat(-2.50507602534068634195e-08))));
  const v = f64x2.mul(z, x);
  // x - ((z·(y/2 - v·r) - y) - v·S1)
  const inner = f64x2.sub(f64x2.mul(z, f64x2.sub(f64x2.mul(splat(0.5), y), f64x2.mul(v, r))), y);
  return f64x2.sub(x, f64x2.sub(inner, f64x2.mul(v, splat(-1.66666666666666324348e-01))));
}

/** cos(y0 + y1) for |y0| ≤ π/4 (fdlibm __kernel_cos). */
// @ts-ignore: decorator
@inline function cosKernel(x: v128, y: v128): v128 {
  const z = f64x2.mul(x, x);
  const w = f64x2.mul(z, z);
  const r = f64x2.add(
    f64x2.mul(z, madd(z, madd(z, splat(2.48015872894767294178e-05),
      splat(-1.38888888888741095749e-03)), splat(4.16666666666666019037e-02))),
    f64x2.mul(f64x2.mul(w, w), madd(z, madd(z, splat(-1.13596475577881948265e-11),
      splat(2.08757232129817482790e-09)), splat(-2.75573143513906633035e-07))));
  const hz = f64x2.mul(splat(0.5), z);
  const one_hz = f64x2.sub(splat(1.0), hz);
  // w + (((1 - w) - hz) + (z·r - x·y))
  return f64x2.add(one_hz, f64x2.add(f64x2.sub(f64x2.sub(splat(1.0), one_hz), hz),
    f64x2.sub(f64x2.mul(z, r), f64x2.mul(x, y))));
}

/** sin (cosine = false) or cos (cosine = true) on two lanes. */
// @ts-ignore: decorator
@inline function sinCosV(x: v128, cosine: bool): v128 {
  // 33 + 33 bit parts of π/2 and a full-precision third part
  const PIO2_1 = reinterpret<f64>(0x3FF921FB54400000);
  const PIO2_2 = reinterpret<f64>(0x3DD0B4611A600000);
  const PIO2_3 = reinterpret<f64>(0x3BA3198A2E037073);
  const INV_PIO2 = reinterpret<f64>(0x3FE45F306DC9C883);
  const ax = f64x2.abs(x);
  if (!i64x2.all_true(f64x2.lt(ax, splat(TRIG_FAST_LIMIT)))) return sinCosScalar(x, cosine);
  const shifted = roundShifted(f64x2.mul(x, splat(INV_PIO2)));
  const kd = f64x2.sub(shifted, splat(SHIFTER));
  const t = f64x2.sub(x, f64x2.mul(kd, splat(PIO2_1))); // exact
  const w = f64x2.mul(kd, splat(PIO2_2)); // exact
  // two-sum: rh + err == t - w exactly
  const rh = f64x2.sub(t, w);
  const bb = f64x2.sub(rh, t);
  const err = f64x2.sub(f64x2.sub(t, f64x2.sub(rh, bb)), f64x2.add(w, bb));
  // y0 + y1 = rh - loNeg, written as subtractions so that y0 keeps the sign of x = -0
  const loNeg = f64x2.sub(f64x2.mul(kd, splat(PIO2_3)), err);
  const y0 = f64x2.sub(rh, loNeg);
  const y1 = f64x2.sub(f64x2.sub(rh, y0), loNeg);
  // x within ~2^-40 of a nonzero multiple of π/2: the 3-part constant is not enough
  if (v128.any_true(v128.and(absLess(y0, 9.094947017729282e-13), f64x2.gt(ax, splat(0.5))))) {
    return sinCosScalar(x, cosine);
  }
  const s = sinKernel(y0, y1);
  const c = cosKernel(y0, y1);
  // quadrant q = k mod 4 sits in the low bits of `shifted`; cos(x) = sin(x + π/2)
  const q = cosine ? i64x2.add(shifted, i64x2.splat(1)) : shifted;
  const odd = i64x2.eq(v128.and(q, i64x2.splat(1)), i64x2.splat(1));
  const sign = i64x2.shl(v128.and(q, i64x2.splat(2)), 62);
  return v128.xor(v128.bitselect(c, s, odd), sign);
}

/** Per-lane scalar Math.sin/Math.cos (full Payne-Hanek reduction), for the rare lanes. */
// @ts-ignore: decorator
@inline function sinCosScalar(x: v128, cosine: bool): v128 {
  const a = f64x2.extract_lane(x, 0);
  const b = f64x2.extract_lane(x, 1);
  return cosine
    ? f64x2.replace_lane(f64x2.splat(Math.cos(a)), 1, Math.cos(b))
    : f64x2.replace_lane(f64x2.splat(Math.sin(a)), 1, Math.sin(b));
}

// ---------------------------------------------------------------------------------------------
// tanh
// ---------------------------------------------------------------------------------------------

/** tanh on two lanes: e = expm1(2|x|); e/(e+2) below atanh(1/2), else 1 - 2/(e+2). */
// @ts-ignore: decorator
@inline function tanhV(x: v128): v128 {
  const ax = f64x2.abs(x);
  // beyond |x| = 20 tanh rounds to ±1; min keeps NaN
  const e = expm1V(f64x2.pmin(f64x2.add(ax, ax), splat(40.0)));
  const small = f64x2.lt(ax, splat(0.5493061443340548));
  // d + dLo == e + 2 exactly (fast two-sum, larger operand first)
  const d = f64x2.add(e, splat(2.0));
  const dLo = f64x2.add(f64x2.sub(f64x2.pmax(e, splat(2.0)), d), f64x2.pmin(e, splat(2.0)));
  const q0 = f64x2.div(v128.bitselect(e, splat(2.0), small), d);
  // q = num / (d + dLo) ≈ q0 - q0·dLo/d, with 1/d = (1 - q0)/2 (small) or q0/2 (large)
  const invD2 = v128.bitselect(f64x2.sub(splat(1.0), q0), q0, small);
  const q = f64x2.sub(q0, f64x2.mul(f64x2.mul(q0, dLo), f64x2.mul(invD2, splat(0.5))));
  const mag = v128.bitselect(q, f64x2.sub(splat(1.0), q), small);
  return v128.or(mag, v128.and(x, splat(-0.0)));
}

// ---------------------------------------------------------------------------------------------
// Loops and exports
// ---------------------------------------------------------------------------------------------

const OP_EXP = 0, OP_EXPM1 = 1, OP_LOG = 2, OP_LOG1P = 3, OP_LOG2 = 4, OP_LOG10 = 5,
  OP_SIN = 6, OP_COS = 7, OP_TANH = 8;

/** The two-lane function for `op` (a compile-time constant, so the switch folds away). */
// @ts-ignore: decorator
@inline function applyOp(op: i32, v: v128): v128 {
  switch (op) {
    case OP_EXP: return expV(v);
    case OP_EXPM1: return expm1V(v);
    case OP_LOG: return logV(v);
    case OP_LOG1P: return log1pV(v);
    case OP_LOG2: return log2V(v);
    case OP_LOG10: return log10V(v);
    case OP_SIN: return sinCosV(v, false);
    case OP_COS: return sinCosV(v, true);
    default: return tanhV(v);
  }
}

/**
 * out[i] = op(x[i]) for i < n: four elements a step (two vectors, both loaded before either
 * store, so out == x is fine), then one vector, then the scalar tail through lane 0.
 */
// @ts-ignore: decorator
@inline function mapUnary(op: i32, x: usize, out: usize, n: usize): void {
  let i: usize = 0;
  const n4 = n & ~(<usize>3);
  for (; i < n4; i += 4) {
    const offset = i << 3;
    const a = v128.load(x + offset);
    const b = v128.load(x + offset, 16);
    v128.store(out + offset, applyOp(op, a));
    v128.store(out + offset, applyOp(op, b), 16);
  }
  if (n - i >= 2) {
    const offset = i << 3;
    v128.store(out + offset, applyOp(op, v128.load(x + offset)));
    i += 2;
  }
  if (i < n) {
    const offset = i << 3;
    store<f64>(out + offset, f64x2.extract_lane(applyOp(op, f64x2.splat(load<f64>(x + offset))), 0));
  }
}

/** Elements exp runs on the table path before checking that they were all in its range. */
const EXP_BLOCK: usize = 256;

/**
 * out[i] = expTable(x[i]) for i < n (n a multiple of 4), four a step, no branch; returns
 * whether every |x[i]| < EXP_FAST_LIMIT (false on a NaN), i.e. whether the results stand.
 */
// @ts-ignore: decorator
@inline function expTableRun(x: usize, out: usize, n: usize): bool {
  const limit = splat(EXP_FAST_LIMIT);
  let ok = i64x2.splat(-1);
  for (let i: usize = 0; i < n; i += 4) {
    const offset = i << 3;
    const a = v128.load(x + offset);
    const b = v128.load(x + offset, 16);
    ok = v128.and(ok, v128.and(f64x2.lt(f64x2.abs(a), limit), f64x2.lt(f64x2.abs(b), limit)));
    v128.store(out + offset, expTable(a));
    v128.store(out + offset, expTable(b), 16);
  }
  return i64x2.all_true(ok);
}

/** True when every |x[i]| < EXP_FAST_LIMIT for i < n (n a multiple of 4; false on a NaN). */
// @ts-ignore: decorator
@inline function expInRange(x: usize, n: usize): bool {
  const limit = splat(EXP_FAST_LIMIT);
  let ok = i64x2.splat(-1);
  for (let o: usize = 0; o < (n << 3); o += 32) {
    ok = v128.and(ok, v128.and(f64x2.lt(f64x2.abs(v128.load(x + o)), limit),
      f64x2.lt(f64x2.abs(v128.load(x + o, 16)), limit)));
  }
  return i64x2.all_true(ok);
}

/**
 * exp over n elements, EXP_BLOCK (then the rest rounded down to 4) at a time on the table
 * path, branch-free. When out and x do not overlap, a block holding an element out of that
 * path's range (rare: |x| ≥ 704, NaN) is redone through mapUnary, whose expV picks the path
 * per vector; when they overlap (in place) each block is checked first instead. The last
 * n mod 4 elements go through mapUnary.
 */
// @ts-ignore: decorator
@inline function mapExp(x: usize, out: usize, n: usize): void {
  const disjoint = out + (n << 3) <= x || x + (n << 3) <= out;
  const n4 = n & ~(<usize>3);
  let i: usize = 0;
  while (i < n4) {
    const m = min<usize>(EXP_BLOCK, n4 - i);
    const src = x + (i << 3);
    const dst = out + (i << 3);
    if (disjoint) {
      if (!expTableRun(src, dst, m)) expGeneral(src, dst, m);
    } else if (expInRange(src, m)) {
      expTableRun(src, dst, m);
    } else {
      expGeneral(src, dst, m);
    }
    i += m;
  }
  expGeneral(x + (i << 3), out + (i << 3), n - i);
}

/** mapUnary for exp, out of line so that mapExp's hot loop stays small. */
function expGeneral(x: usize, out: usize, n: usize): void {
  mapUnary(OP_EXP, x, out, n);
}

/**
 * Element-wise e^x of `n` float64 at byte offset `x` into byte offset `out` (may equal `x`).
 * @param x byte offset of the input
 * @param out byte offset of the output
 * @param n element count
 */
export function unary_exp(x: usize, out: usize, n: usize): void {
  mapExp(x, out, n);
}

/**
 * Element-wise e^x - 1 (accurate near 0, -0 kept).
 * @param x byte offset of the input
 * @param out byte offset of the output
 * @param n element count
 */
export function unary_expm1(x: usize, out: usize, n: usize): void {
  mapUnary(OP_EXPM1, x, out, n);
}

/**
 * Element-wise natural logarithm (0 → -Inf, negative → NaN).
 * @param x byte offset of the input
 * @param out byte offset of the output
 * @param n element count
 */
export function unary_log(x: usize, out: usize, n: usize): void {
  mapUnary(OP_LOG, x, out, n);
}

/**
 * Element-wise log(1 + x), accurate near 0 (-1 → -Inf, below -1 → NaN, -0 kept).
 * @param x byte offset of the input
 * @param out byte offset of the output
 * @param n element count
 */
export function unary_log1p(x: usize, out: usize, n: usize): void {
  mapUnary(OP_LOG1P, x, out, n);
}

/**
 * Element-wise base-2 logarithm (exact at powers of two).
 * @param x byte offset of the input
 * @param out byte offset of the output
 * @param n element count
 */
export function unary_log2(x: usize, out: usize, n: usize): void {
  mapUnary(OP_LOG2, x, out, n);
}

/**
 * Element-wise base-10 logarithm.
 * @param x byte offset of the input
 * @param out byte offset of the output
 * @param n element count
 */
export function unary_log10(x: usize, out: usize, n: usize): void {
  mapUnary(OP_LOG10, x, out, n);
}

/**
 * Element-wise sine (±Inf → NaN, -0 kept; |x| ≥ 2^20 via the scalar path).
 * @param x byte offset of the input
 * @param out byte offset of the output
 * @param n element count
 */
export function unary_sin(x: usize, out: usize, n: usize): void {
  mapUnary(OP_SIN, x, out, n);
}

/**
 * Element-wise cosine (±Inf → NaN; |x| ≥ 2^20 via the scalar path).
 * @param x byte offset of the input
 * @param out byte offset of the output
 * @param n element count
 */
export function unary_cos(x: usize, out: usize, n: usize): void {
  mapUnary(OP_COS, x, out, n);
}

/**
 * Element-wise hyperbolic tangent (±1 beyond |x| ≈ 19, -0 kept).
 * @param x byte offset of the input
 * @param out byte offset of the output
 * @param n element count
 */
export function unary_tanh(x: usize, out: usize, n: usize): void {
  mapUnary(OP_TANH, x, out, n);
}
