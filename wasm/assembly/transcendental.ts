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
  return expTableMode(x, false);
}

/**
 * expTableMode's core: 2^q·2^(j/N)·e^r as scale + scale·p, or (minus1) e^x - 1 as (scale - 1) +
 * scale·p, where scale - 1 is exact for q in [-1, 52] (Sterbenz below 1, same ulp grid above),
 * so expm1 keeps its relative accuracy near 0 (q = 0, j = 0: scale = 1, tail = 0, p = r + ...).
 * `precise` (with minus1) also carries the rounding error of r = x - k·ln2/N into p and adds r
 * last, so p is within about half an ulp: without it p's error reaches 1.5 ulp, and where
 * scale - 1 and scale·p nearly cancel (k = 1, r < 0) e^x - 1 is 2 ulp off and tanh, which
 * divides it, 3 (at -0.0017255965488067737). Three additions more; tanh pays for them, expm1 and
 * sinh (within 2 ulp without) do not.
 */
// @ts-ignore: decorator
@inline function expTableMode(x: v128, minus1: bool, precise: bool = false): v128 {
  const shifted = roundShifted(f64x2.mul(x, splat(EXP_INV_LN2_N)));
  const kd = f64x2.sub(shifted, splat(SHIFTER));
  const rHi = f64x2.add(x, f64x2.mul(kd, splat(EXP_NEG_LN2_HI_N)));
  const rLoPart = f64x2.mul(kd, splat(EXP_NEG_LN2_LO_N));
  const r = f64x2.add(rHi, rLoPart);
  // table entries j = k mod N from the low word of each lane, masked and scaled in scalar
  // registers (two vector instructions fewer than masking and shifting the vector first)
  const e0 = v128.load(EXP_TABLE + ((<usize>i32x4.extract_lane(shifted, 0) & (EXP_N - 1)) << 4));
  const e1 = v128.load(EXP_TABLE + ((<usize>i32x4.extract_lane(shifted, 2) & (EXP_N - 1)) << 4));
  const tail = i64x2.shuffle(e0, e1, 0, 2);
  const scale = i64x2.add(i64x2.shuffle(e0, e1, 1, 3), i64x2.shl(shifted, 52 - EXP_BITS));
  const r2 = f64x2.mul(r, r);
  const poly = f64x2.add(
    f64x2.mul(r2, madd(r, splat(reinterpret<f64>(0x3FC555555555543C)), splat(reinterpret<f64>(0x3FDFFFFFFFFFFDBD)))),
    f64x2.mul(f64x2.mul(r2, r2),
      madd(r, splat(reinterpret<f64>(0x3F81111167A4D017)), splat(reinterpret<f64>(0x3FA55555CF172B91)))));
  if (minus1 && precise) {
    // rHi + rLoPart == r + rErr exactly (fast two-sum: |rHi| ≥ |rLoPart|)
    const rErr = f64x2.add(f64x2.sub(rHi, r), rLoPart);
    const p = f64x2.add(r, f64x2.add(f64x2.add(tail, rErr), poly));
    return f64x2.add(f64x2.sub(scale, splat(1.0)), f64x2.mul(scale, p));
  }
  const p = f64x2.add(f64x2.add(tail, r), poly);
  return minus1
    ? f64x2.add(f64x2.sub(scale, splat(1.0)), f64x2.mul(scale, p))
    : madd(scale, p, scale);
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

// ---- table log (fast path): x = 2^k·z, z in [0x1.61p-1, 0x1.61p0), z = c·(1 + u) ----------

/** Reduction offset: z keeps the bits of x minus this, so 1 sits mid-way in its subinterval. */
const LOG_OFF: i64 = 0x3FE6100000000000;

/**
 * 128 entries (c, invc, logc_hi, logc_lo) of 32 bytes, subinterval i of z holding the z with
 * i in bits 45..51 of (bits(z) - LOG_OFF). c is within 2^-36 of the subinterval's centre (1
 * for the one holding 1) and chosen so that 1/c is within 2^-67 of the double invc; then
 * z - c is exact (Sterbenz) and u = (z - c)·invc has one rounding; logc_hi + logc_lo is log(c)
 * to 2^-97, logc_hi a multiple of 2^-43 so that k·LN2_HI + logc_hi is exact. Generated by scripts/log-table.py (mpmath, 200 bits). 4 KB of static data; ends
 * with two zero words like EXP_TABLE (AssemblyScript's Math.sin/cos read the word before their
 * 2/π table).
 */
const LOG_TABLE: usize = memory.data<u64>([
  0x3FE62000000007FF, 0x3FF724287F46D65F, 0xBFD79E26687CE800, 0x3D2F1DA2A2BA7619,
  0x3FE6400000000164, 0x3FF702E05C0B8000, 0xBFD741D876C67800, 0x3CF3A7B5B11CF26A,
  0x3FE6600000002603, 0x3FF6E1F76B4310E7, 0xBFD6E60EE6AEB000, 0x3D2A3EAD14281790,
  0x3FE67FFFFFFFFC22, 0x3FF6C16C16C17000, 0xBFD68AC83E9C7800, 0x3D275F2CD8A90CD0,
  0x3FE6A000000004D9, 0x3FF6A13CD1536DB7, 0xBFD630030B3AA000, 0x3D16D38773DE513A,
  0x3FE6C0000000082D, 0x3FF6816816816000, 0xBFD5D5BDDF594800, 0xBCE7D357DD70798F,
  0x3FE6E00000000D10, 0x3FF661EC6A511631, 0xBFD57BF753C8B000, 0x3D2488293594E4E3,
  0x3FE6FFFFFFFFFF5F, 0x3FF642C8590B2200, 0xBFD522AE0738A800, 0x3D23418F7E9B3876,
  0x3FE72000000005D0, 0x3FF623FA77015CAF, 0xBFD4C9E09E172000, 0x3D2ED1A8EEC2D389,
  0x3FE73FFFFFFFF577, 0x3FF6058160582000, 0xBFD4718DC271E000, 0xBD11B063ED30BC36,
  0x3FE7600000001760, 0x3FF5E75BB8D00000, 0xBFD419B423D5A800, 0xBD08E436EC94E09D,
  0x3FE780000000005E, 0x3FF5C9882B931000, 0xBFD3C25277333000, 0xBD0076A96C0D7AF9,
  0x3FE7A00000000008, 0x3FF5AC056B015AB9, 0xBFD36B6776BE1000, 0xBD10140D5A41621C,
  0x3FE7BFFFFFFFF835, 0x3FF58ED230816000, 0xBFD314F1E1D37000, 0xBD1E3B0A59BDBDAF,
  0x3FE7DFFFFFFFE8DF, 0x3FF571ED3C508000, 0xBFD2BEF07CDCD000, 0xBD1539F494A1EA68,
  0x3FE7FFFFFFFFFFFD, 0x3FF5555555555558, 0xBFD269621134D800, 0xBD2CD3C1DF5BB3B6,
  0x3FE8200000001218, 0x3FF5390948F40000, 0xBFD214456D0E8800, 0xBD0A87DEBA48FAEA,
  0x3FE83FFFFFFFF6E8, 0x3FF51D07EAE30000, 0xBFD1BF99635A8000, 0xBD2CA6ED5147E1B7,
  0x3FE85FFFFFFFEF87, 0x3FF5015015015E47, 0xBFD16B5CCBAD2800, 0x3D14C523BCAFA8D4,
  0x3FE87FFFFFFFFCBF, 0x3FF4E5E0A72F0800, 0xBFD1178E8227F000, 0x3D28210E63A5EB98,
  0x3FE89FFFFFFFFB5F, 0x3FF4CAB88725B357, 0xBFD0C42D67617000, 0x3D115229805B35FB,
  0x3FE8BFFFFFFFFF3A, 0x3FF4AFD6A052C000, 0xBFD07138604D5800, 0xBD23139B62DDAA12,
  0x3FE8DFFFFFFFDBD9, 0x3FF49539E3B2EE51, 0xBFD01EAE56272000, 0xBD2CA699CC94B451,
  0x3FE9000000000096, 0x3FF47AE147AE1400, 0xBFCF991C6CB3B000, 0xBCEE5F665066FBC1,
  0x3FE91FFFFFFFF1B6, 0x3FF460CBC7F5DB31, 0xBFCEF5ADE4DD5000, 0x3D2D39647E5832FB,
  0x3FE93FFFFFFFF881, 0x3FF446F86562E000, 0xBFCE530EFFE73000, 0xBD2848489D811E61,
  0x3FE95FFFFFFFFDCA, 0x3FF42D6625D52149, 0xBFCDB13DB0D49000, 0xBD219D34E08F8571,
  0x3FE97FFFFFFFFB05, 0x3FF4141414141800, 0xBFCD1037F2657000, 0xBD2DED6062924C0B,
  0x3FE9A000000019A0, 0x3FF3FB013FB00000, 0xBFCC6FFBC6EF9000, 0x3CF1EC72C58E2BD2,
  0x3FE9C00000000BAB, 0x3FF3E22CBCE4A000, 0xBFCBD087383BA000, 0x3D052F11654F7897,
  0x3FE9DFFFFFFFEA21, 0x3FF3C995A47BBCA1, 0xBFCB31D8575C4000, 0x3D2647837B3DACCC,
  0x3FEA00000000001A, 0x3FF3B13B13B13B00, 0xBFCA93ED3C8AE000, 0x3D2A724350562168,
  0x3FEA1FFFFFFFFF2F, 0x3FF3991C2C188000, 0xBFC9F6C40708A000, 0x3D266FB2979A7E46,
  0x3FEA3FFFFFFFF556, 0x3FF3813813814000, 0xBFC95A5ADCF73000, 0xBD25FC8A16286A1C,
  0x3FEA600000000236, 0x3FF3698DF3DE05A7, 0xBFC8BEAFEB38F000, 0xBD1E8A95F831A500,
  0x3FEA800000000109, 0x3FF3521CFB2B7800, 0xBFC823C16551A000, 0x3D03E448CB39C16A,
  0x3FEAA000000039C7, 0x3FF33AE45B5792F7, 0xBFC7898D85433000, 0xBD2ABD57EE31DCBA,
  0x3FEABFFFFFFFEAAF, 0x3FF323E34A2B2000, 0xBFC6F0128B75D000, 0xBCF77390D3240575,
  0x3FEADFFFFFFFD00B, 0x3FF30D190130F38F, 0xBFC6574EBE8CF000, 0xBD2E8AE5BC3B7869,
  0x3FEAFFFFFFFFFF28, 0x3FF2F684BDA13000, 0xBFC5BF406B544000, 0xBD0B1FB8292ED0C8,
  0x3FEB2000000000D9, 0x3FF2E025C04B8000, 0xBFC527E5E4A1B000, 0xBD08CFA395A5F81B,
  0x3FEB40000000124F, 0x3FF2C9FB4D812000, 0xBFC4913D83336000, 0x3CF3E435580EAFBC,
  0x3FEB600000000BF2, 0x3FF2B404AD012317, 0xBFC3FB45A598F000, 0xBCFE1E3D37F0265D,
  0x3FEB8000000003DE, 0x3FF29E4129E41000, 0xBFC365FCB0158000, 0x3D0E9D057DCB3497,
  0x3FEB9FFFFFFFEF02, 0x3FF288B01288BB79, 0xBFC2D1610C86D000, 0x3CB50279184910A6,
  0x3FEBC00000000AD7, 0x3FF27350B8812000, 0xBFC23D712A499000, 0xBC8A471FA85AF8A6,
  0x3FEBE00000001CBF, 0x3FF25E2270808000, 0xBFC1AA2B7E237000, 0xBD194F1C887352E9,
  0x3FEBFFFFFFFFFFEB, 0x3FF24924924924A0, 0xBFC1178E8227E000, 0xBD236F78CE2D07F2,
  0x3FEC200000000B02, 0x3FF23456789AB5BF, 0xBFC08598B59E0000, 0xBD2FB602B45F43FC,
  0x3FEC3FFFFFFFF8F0, 0x3FF21FB781220000, 0xBFBFE89139DC2000, 0x3D2534D64FA0FAFD,
  0x3FEC5FFFFFFFA7BD, 0x3FF20B470C67F8F9, 0xBFBEC739830D2000, 0xBD2AD8F72C0CD8F4,
  0x3FEC7FFFFFFFFF1C, 0x3FF1F7047DC12000, 0xBFBDA72763844000, 0xBD2D44A00FD38BDA,
  0x3FECA00000004633, 0x3FF1E2EF3B3F8C97, 0xBFBC885801B9E000, 0x3D2156CE15D97118,
  0x3FECC000000001CC, 0x3FF1CF06ADA28000, 0xBFBB6AC88DAD4000, 0xBD2637BFEA044C8D,
  0x3FECDFFFFFFFFA74, 0x3FF1BB4A4046F091, 0xBFBA4E7640B1E000, 0xBD2ACA322E387300,
  0x3FECFFFFFFFFFF52, 0x3FF1A7B9611A7C00, 0xBFB9335E5D594000, 0xBD2F115C3ABD47FE,
  0x3FED200000000964, 0x3FF19453808C9CF1, 0xBFB8197E2F40A000, 0x3D2D34A8E4CC8CE6,
  0x3FED3FFFFFFFF2BF, 0x3FF1811811812000, 0xBFB700D30AEB4000, 0x3D263E172565EC9D,
  0x3FED5FFFFFFFED5B, 0x3FF16E0689427E89, 0xBFB5E95A4D984000, 0x3D2770A65F38C30F,
  0x3FED7FFFFFFFFE63, 0x3FF15B1E5F752800, 0xBFB4D3115D208000, 0xBD2958BB4FA16486,
  0x3FED9FFFFFFFD785, 0x3FF1485F0E0AE4D9, 0xBFB3BDF5A7D34000, 0xBD2864FE834C6EB7,
  0x3FEDC00000000DF2, 0x3FF135C81135C000, 0xBFB2AA04A446A000, 0x3CD6DD15D38627A4,
  0x3FEDE000000024BF, 0x3FF12358E75D1B1F, 0xBFB1973BD1452000, 0x3D15E87A678AD2FF,
  0x3FEE00000000001E, 0x3FF1111111111100, 0xBFB08598B59E4000, 0x3D1BE5DD7009902A,
  0x3FEE200000001A7A, 0x3FF0FEF010FEE121, 0xBFAEEA31C0050000, 0x3D13045F6BDED283,
  0x3FEE3FFFFFFFF9DB, 0x3FF0ECF56BE6A000, 0xBFACCB73CDDE0000, 0xBD2ACB86DC13F68C,
  0x3FEE5FFFFFFFCDDF, 0x3FF0DB20A88F6267, 0xBFAAAEF2D0FE4000, 0xBD2DF4BA56F4AEBD,
  0x3FEE80000000040D, 0x3FF0C9714FBCD800, 0xBFA894AA149F8000, 0x3D20BCCAE82D0EBB,
  0x3FEE9FFFFFFFFB8A, 0x3FF0B7E6EC25A037, 0xBFA67C94F2D50000, 0xBD07B28499A59D7A,
  0x3FEEBFFFFFFFE3A7, 0x3FF0A6810A682000, 0xBFA466AED42FC000, 0x3D0059CDD6F48E61,
  0x3FEEE0000000115E, 0x3FF0953F39010000, 0xBFA252F32F8C0000, 0x3D0F05947F77E216,
  0x3FEF0000000000F8, 0x3FF0842108421000, 0xBFA0415D89E74000, 0x3D17771FD18713D6,
  0x3FEF1FFFFFFFF070, 0x3FF073260A480000, 0xBF9C63D2EC168000, 0xBD2578C63F9EF2F3,
  0x3FEF40000000130B, 0x3FF0624DD2F1A000, 0xBF98492528C68000, 0x3D22A0BA3259AD24,
  0x3FEF60000000582A, 0x3FF05197F7D70629, 0xBF9432A9258D0000, 0x3D285951BBF9BC86,
  0x3FEF7FFFFFFFF85F, 0x3FF0410410410800, 0xBF90205658948000, 0x3D27DC5B06E2E8CE,
  0x3FEFA000000023CC, 0x3FF03091B51F4BC7, 0xBF882448A3800000, 0x3D2AE017BA128AD7,
  0x3FEFC000000007F0, 0x3FF0204081020000, 0xBF80101575870000, 0x3D10C76B999D0BE8,
  0x3FEFE00000001BE6, 0x3FF0101010100201, 0xBF700805594A0000, 0xBD21468FAB126A77,
  0x3FF0000000000000, 0x3FF0000000000000, 0x0000000000000000, 0x0000000000000000,
  0x3FF0200000000408, 0x3FEFC07F01FC0000, 0x3F7FE02A6B140000, 0x3D19E23F0DDA20E4,
  0x3FF03FFFFFFFFBF0, 0x3FEF81F81F820000, 0x3F8FC0A8B0FA0000, 0x3CDF1E7CF6D1A69C,
  0x3FF05FFFFFFFFEC7, 0x3FEF44659E4A44C7, 0x3F97B91B07D58000, 0xBD1B5A97551C4CE2,
  0x3FF07FFFFFFFFF7C, 0x3FEF07C1F07C2000, 0x3F9F829B0E780000, 0x3D13004CF8FC1348,
  0x3FF09FFFFFFFF59C, 0x3FEECC07B3020000, 0x3FA39E87B9FD8000, 0xBCF502B7F52A1EAA,
  0x3FF0BFFFFFFFFB4A, 0x3FEE9131ABF0C000, 0x3FA77458F6324000, 0x3D19F88C69E51B5D,
  0x3FF0E00000000CF1, 0x3FEE573AC901CE2F, 0x3FAB42DD711B0000, 0xBD066976BE691120,
  0x3FF1000000000011, 0x3FEE1E1E1E1E1E00, 0x3FAF0A30C0118000, 0xBD2B599E83368E92,
  0x3FF12000000003BF, 0x3FEDE5D6E3F88000, 0x3FB16536EEA3C000, 0xBD2A3E2F3B47DDC4,
  0x3FF1400000000114, 0x3FEDAE6076B98000, 0x3FB341D7961BE000, 0x3CFD092998375905,
  0x3FF15FFFFFFFFE7A, 0x3FED77B654B82EC9, 0x3FB51B073F060000, 0x3CFCD3945061DC30,
  0x3FF17FFFFFFFFDAD, 0x3FED41D41D41D800, 0x3FB6F0D28AE54000, 0x3D229737C9336F56,
  0x3FF19FFFFFFFF0DD, 0x3FED0CB58F6ED967, 0x3FB8C345D630C000, 0xBCE7574E0B1D324A,
  0x3FF1BFFFFFFFFCF3, 0x3FECD8568903A000, 0x3FBA926D3A4AA000, 0x3D22C6CA17A44DA8,
  0x3FF1E00000000D8A, 0x3FECA4B3055ECBDF, 0x3FBC5E548F5C8000, 0x3D22540B72E5E61A,
  0x3FF2000000000012, 0x3FEC71C71C71C700, 0x3FBE27076E2B0000, 0xBD28342C2AF0003D,
  0x3FF21FFFFFFFFB78, 0x3FEC3F8F01C40000, 0x3FBFEC9131DBA000, 0x3D2575545CA323F2,
  0x3FF2400000000092, 0x3FEC0E070381C000, 0x3FC0D77E7CD09000, 0x3D12CB34BB8BD186,
  0x3FF26000000001DB, 0x3FEBDD2B89940427, 0x3FC1B72AD52F7000, 0x3D223403E05749E7,
  0x3FF28000000001E1, 0x3FEBACF914C1B800, 0x3FC29552F8200000, 0x3D111A602EE382C8,
  0x3FF2A00000000216, 0x3FEB7D6C3DDA3077, 0x3FC371FC201EA000, 0xBD11AEE2013F8C72,
  0x3FF2BFFFFFFFFCC7, 0x3FEB4E81B4E82000, 0x3FC44D2B6CCB6000, 0x3D2C799F4F653C52,
  0x3FF2E00000000097, 0x3FEB2036406C8000, 0x3FC526E5E3A1C000, 0xBD2F21746FF8A4B1,
  0x3FF2FFFFFFFFFF68, 0x3FEAF286BCA1B000, 0x3FC5FF3070A79000, 0xBCD61BC60EFB046F,
  0x3FF31FFFFFFFF89F, 0x3FEAC5701AC57A6F, 0x3FC6D60FE719A000, 0x3CF73AA8E273570D,
  0x3FF34000000002B5, 0x3FEA98EF606A6000, 0x3FC7AB890210F000, 0xBD23DB9072534F68,
  0x3FF35FFFFFFFF1F3, 0x3FEA6D01A6D02D97, 0x3FC87FA065207000, 0xBD1E16BF696D07F2,
  0x3FF37FFFFFFFFD1B, 0x3FEA41A41A41A800, 0x3FC9525A9CF44000, 0x3D1DA3B209839E7E,
  0x3FF39FFFFFFFE5A8, 0x3FEA16D3F97A6E07, 0x3FCA23BC1FE21000, 0xBD29BCFB57E8B353,
  0x3FF3BFFFFFFFF6BE, 0x3FE9EC8E95104000, 0x3FCAF3C94E808000, 0x3D1F96C67300593E,
  0x3FF3DFFFFFFFF68D, 0x3FE9C2D14EE4AD41, 0x3FCBC286742D5000, 0xBCA337E54073073A,
  0x3FF3FFFFFFFFFFFB, 0x3FE99999999999A0, 0x3FCC8FF7C79AA000, 0xBD27F94F689F8434,
  0x3FF4200000000AD5, 0x3FE970E4F80CAAC1, 0x3FCD5C216B500000, 0x3CED94E771717AB3,
  0x3FF44000000007E9, 0x3FE948B0FCD6E000, 0x3FCE27076E2B2000, 0x3D2397A7AA1FD878,
  0x3FF45FFFFFFFFFBF, 0x3FE920FB49D0E279, 0x3FCEF0ADCBDC5000, 0x3D2E77E895BB4766,
  0x3FF48000000000CD, 0x3FE8F9C18F9C1800, 0x3FCFB9186D5E4000, 0x3D19546AAA3360F5,
  0x3FF4A000000014A0, 0x3FE8D3018D300000, 0x3FD0402594B51000, 0x3CF036B89EEC2D7F,
  0x3FF4BFFFFFFFF5A0, 0x3FE8ACB90F6C0000, 0x3FD0A324E2737000, 0x3D0C6BEE7EF3030E,
  0x3FF4E000000025A3, 0x3FE886E5F0AB8411, 0x3FD1058BF9AEC000, 0xBD1C7435A3E033C8,
  0x3FF5000000000015, 0x3FE8618618618600, 0x3FD1675CABABA800, 0xBD1B1FC63382A8F2,
  0x3FF5200000000BB3, 0x3FE83C977AB2B171, 0x3FD1C898C169C000, 0xBD249B419B13758D,
  0x3FF53FFFFFFFF907, 0x3FE8181818182000, 0x3FD22941FBCF6800, 0xBD2CD2EDEBD62E55,
  0x3FF55FFFFFFFFF55, 0x3FE7F405FD018000, 0x3FD2895A13DE8800, 0xBD2AE50A5B67D85F,
  0x3FF57FFFFFFFFE27, 0x3FE7D05F417D0800, 0x3FD2E8E2BAE11800, 0xBCF3D8F4CDB96DDE,
  0x3FF5A00000000EB7, 0x3FE7AD2208E0DCA7, 0x3FD347DD9A98A800, 0x3D0C2D47EF7F1351,
  0x3FF5C0000000046B, 0x3FE78A4C8178A000, 0x3FD3A64C55695000, 0x3D274E3979AE6110,
  0x3FF5DFFFFFFFFD7D, 0x3FE767DCE434AC61, 0x3FD404308686A000, 0x3D0150223D8E983A,
  0x3FF5FFFFFFFFFFC9, 0x3FE745D1745D1780, 0x3FD4618BC21C6000, 0xBD1DD82F484C84D9,
  0, 0, // padding: keeps the word before whatever follows zero (see EXP_TABLE)
], 16);

const LOG_MODE_LN = 0, LOG_MODE_LOG2 = 1, LOG_MODE_LOG10 = 2, LOG_MODE_LOG1P = 3;

/**
 * log, log2, log10 or log1p (mode, a compile-time constant) on two lanes whose argument
 * (x, or 1 + x for log1p) is a positive normal finite double: log(x) = k·ln2 + log(c) +
 * log1p(u), |u| < 2^-8, log1p(u) = u + u²·P(u) with P the Taylor polynomial to u⁵ (truncation
 * below 2^-59 relative). The hi parts are summed with their rounding errors carried (fast
 * two-sums, larger operand first). No special values here: blocks holding one go through the
 * careful functions (logV, ...).
 */
// @ts-ignore: decorator
@inline function logFast(x: v128, mode: i32): v128 {
  let xi = x;
  let cNum = splat(0.0);
  if (mode == LOG_MODE_LOG1P) {
    // u1 = 1 + x rounded, cNum = exact 1 + x - u1 (as log1pV); the correction is cNum/u1
    xi = f64x2.add(splat(1.0), x);
    cNum = v128.bitselect(f64x2.sub(splat(1.0), f64x2.sub(xi, x)),
      f64x2.sub(x, f64x2.sub(xi, splat(1.0))), f64x2.ge(xi, splat(2.0)));
  }
  // tmp = bits(xi) - LOG_OFF + bits(1.0): k + 1023 in the top 12 bits (positive xi),
  // z = LOG_OFF + the low 52 bits
  const tmp = i64x2.sub(xi, i64x2.splat(LOG_OFF - 0x3FF0000000000000));
  const kd = f64x2.sub(i64x2.add(i64x2.shr_u(tmp, 52), i64x2.splat(SHIFTER_BITS)),
    splat(SHIFTER + 1023.0));
  const z = i64x2.add(v128.and(tmp, i64x2.splat(0x000FFFFFFFFFFFFF)), i64x2.splat(LOG_OFF));
  // byte offsets i·32 of the entries (bits 45..51 of tmp), from the high word of each lane,
  // shifted and masked in scalar registers
  const p0 = LOG_TABLE + ((<usize>i32x4.extract_lane(tmp, 1) >> 8) & 0xFE0);
  const p1 = LOG_TABLE + ((<usize>i32x4.extract_lane(tmp, 3) >> 8) & 0xFE0);
  const a0 = v128.load(p0);
  const a1 = v128.load(p1);
  const b0 = v128.load(p0, 16);
  const b1 = v128.load(p1, 16);
  const c = i64x2.shuffle(a0, a1, 0, 2);
  const invc = i64x2.shuffle(a0, a1, 1, 3);
  const lh = i64x2.shuffle(b0, b1, 0, 2);
  const ll = i64x2.shuffle(b0, b1, 1, 3);
  const u = f64x2.mul(f64x2.sub(z, c), invc);
  // u²·(-1/2 + u/3 - u²/4 + u³/5 - u⁴/6 + u⁵/7), Estrin
  const u2 = f64x2.mul(u, u);
  const q = f64x2.mul(u2, madd(u2, madd(u2, madd(u, splat(1.0 / 7.0), splat(-1.0 / 6.0)),
    madd(u, splat(0.2), splat(-0.25))), madd(u, splat(1.0 / 3.0), splat(-0.5))));
  if (mode == LOG_MODE_LN || mode == LOG_MODE_LOG1P) {
    // both products and the sum exact (LN2_HI and logc_hi have trailing zero bits)
    const t1 = madd(kd, splat(LN2_HI), lh);
    const t2 = f64x2.add(t1, u);
    const e2 = f64x2.add(f64x2.sub(t1, t2), u);
    let lo = f64x2.add(madd(kd, splat(LN2_LO), ll), f64x2.add(e2, q));
    if (mode == LOG_MODE_LOG1P) {
      // cNum/u1 as cNum·invc·2^-k (a relative error near 2^-52 is plenty for a correction
      // below ulp(u1)/2); dropped for x ≥ 2^53, where it is far below the result's rounding
      // and k can reach 1024 (2^-k would not fit the exponent field)
      const scale = i64x2.shl(i64x2.sub(i64x2.splat(0x7FE), i64x2.shr_u(tmp, 52)), 52);
      const corr = v128.and(f64x2.mul(f64x2.mul(cNum, invc), scale),
        f64x2.lt(x, splat(9007199254740992.0)));
      lo = f64x2.add(lo, corr);
    }
    const y = f64x2.add(t2, lo);
    // log1p(-0) = -0
    return mode == LOG_MODE_LOG1P ? v128.bitselect(x, y, f64x2.eq(x, splat(0.0))) : y;
  }
  // L = log(c) + log1p(u) as t + lo, then k + L/ln2 (or k·log10(2) + L/ln10) with the
  // constants in hi + lo parts and t split so that its product by the hi part is exact
  const t = f64x2.add(lh, u);
  const lo = f64x2.add(f64x2.add(f64x2.sub(lh, t), u), f64x2.add(ll, q));
  const th = v128.and(t, i64x2.splat(<i64>0xFFFFFFFF00000000));
  const tl = f64x2.add(f64x2.sub(t, th), lo);
  if (mode == LOG_MODE_LOG2) {
    const IVLN2_HI = reinterpret<f64>(0x3FF7154765200000);
    const IVLN2_LO = reinterpret<f64>(0x3DE705FC2EEFA200);
    const valHi = f64x2.mul(th, splat(IVLN2_HI));
    const valLo = madd(tl, splat(1.4426950408889634), f64x2.mul(th, splat(IVLN2_LO)));
    return sumHiLo(kd, valHi, valLo);
  }
  const IVLN10_HI = reinterpret<f64>(0x3FDBCB7B15200000);
  const IVLN10_LO = reinterpret<f64>(0x3DBB9438CA9AADD5);
  const LOG10_2_HI = reinterpret<f64>(0x3FD34413509F6000);
  const LOG10_2_LO = reinterpret<f64>(0x3D59FEF311F12B36);
  const valHi = f64x2.mul(th, splat(IVLN10_HI));
  const valLo = madd(kd, splat(LOG10_2_LO), madd(tl, splat(0.4342944819032518),
    f64x2.mul(th, splat(IVLN10_LO))));
  return sumHiLo(f64x2.mul(kd, splat(LOG10_2_HI)), valHi, valLo);
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

/** tanh on two lanes (careful path: any input). */
// @ts-ignore: decorator
@inline function tanhV(x: v128): v128 {
  return tanhOf(x, false);
}

/**
 * tanh on two lanes: e = expm1(2|x|) (clamped at 2|x| = 40, beyond which tanh rounds to ±1),
 * then b + n/(e + 2) with (b, n) = (0, e) where e < 2 (|x| < atanh(1/2)) and (1, -2) above.
 * e + 2 = d + dLo exactly (fast two-sum of max(e, 2) and min(e, 2)), and the quotient is
 * corrected to n/(d + dLo) ≈ q0 - q0·dLo/d, with 1/d = ((1 - b) - q0)/2 in both cases. The
 * selects are arithmetic (min/max and masks with constants), not bitselects, which cost three
 * instructions each. `fast` takes e from the table path (every input: ±Inf clamp to ±1, NaN
 * stays NaN), else from expm1V.
 */
// @ts-ignore: decorator
@inline function tanhOf(x: v128, fast: bool): v128 {
  const ax = f64x2.abs(x);
  // min keeps NaN
  const a2 = f64x2.pmin(f64x2.mul(ax, splat(2.0)), splat(40.0));
  const e = fast ? expTableMode(a2, true, true) : expm1V(a2);
  const lo = f64x2.pmin(e, splat(2.0));
  const hi = f64x2.pmax(e, splat(2.0));
  const d = f64x2.add(hi, lo);
  const dLo = f64x2.add(f64x2.sub(hi, d), lo);
  const big = f64x2.ge(e, splat(2.0));
  // numerator e, or -2 (2 with the sign bit set) where e ≥ 2
  const q0 = f64x2.div(v128.or(lo, v128.and(big, splat(-0.0))), d);
  const invD2 = f64x2.sub(v128.andnot(splat(1.0), big), q0);
  const q = f64x2.sub(q0, f64x2.mul(f64x2.mul(f64x2.mul(q0, dLo), invD2), splat(0.5)));
  return v128.or(f64x2.add(v128.and(big, splat(1.0)), q), v128.and(x, splat(-0.0)));
}

// ---------------------------------------------------------------------------------------------
// sinh, cosh (fdlibm's formulas on the exp table core)
// ---------------------------------------------------------------------------------------------

/**
 * sinh for |x| < EXP_FAST_LIMIT with e = expm1(|x|) (table, or expm1V) and d = e/(e+1):
 * ±(2e - e·d)/2 below 1 (the rounded d only touches the small term e·d), else ±(e + d)/2.
 */
// @ts-ignore: decorator
@inline function sinhOf(x: v128, fast: bool): v128 {
  const ax = f64x2.abs(x);
  const e = fast ? expTableMode(ax, true) : expm1V(ax);
  const d = f64x2.div(e, f64x2.add(e, splat(1.0)));
  const mag = f64x2.mul(splat(0.5), v128.bitselect(f64x2.sub(f64x2.add(e, e), f64x2.mul(e, d)),
    f64x2.add(e, d), f64x2.lt(ax, splat(1.0))));
  return v128.or(mag, v128.and(x, splat(-0.0)));
}

/**
 * cosh for |x| < EXP_FAST_LIMIT from E = e^|x| (table, or expCareful) and e = E - 1 (exact,
 * Sterbenz, where it is used): 1 + e²/(2E) below ln2/2, else E/2 + 1/(2E).
 */
// @ts-ignore: decorator
@inline function coshOf(x: v128, fast: bool): v128 {
  const ax = f64x2.abs(x);
  const big = fast ? expTable(ax) : expCareful(ax);
  const e = f64x2.sub(big, splat(1.0));
  const half = f64x2.div(splat(0.5), big);
  return v128.bitselect(madd(f64x2.mul(e, e), half, splat(1.0)), madd(big, splat(0.5), half),
    f64x2.lt(ax, splat(0.34657359027997264)));
}

/** ±(e^(|x|/2)/2)·e^(|x|/2) (fdlibm's form near overflow): |x| ≥ EXP_FAST_LIMIT, ±Inf, NaN. */
// @ts-ignore: decorator
@inline function coshSinhBig(x: v128): v128 {
  const w = expCareful(f64x2.mul(f64x2.abs(x), splat(0.5)));
  return f64x2.mul(f64x2.mul(splat(0.5), w), w);
}

/** sinh on two lanes, any input. */
// @ts-ignore: decorator
@inline function sinhV(x: v128): v128 {
  const inRange = absLess(x, EXP_FAST_LIMIT);
  const small = sinhOf(f64x2.pmin(x, splat(EXP_FAST_LIMIT)), false);
  const big = v128.or(coshSinhBig(x), v128.and(x, splat(-0.0)));
  return v128.bitselect(small, big, inRange);
}

/** cosh on two lanes, any input. */
// @ts-ignore: decorator
@inline function coshV(x: v128): v128 {
  const inRange = absLess(x, EXP_FAST_LIMIT);
  return v128.bitselect(coshOf(f64x2.pmin(x, splat(EXP_FAST_LIMIT)), false), coshSinhBig(x), inRange);
}

// ---------------------------------------------------------------------------------------------
// Loops and exports
// ---------------------------------------------------------------------------------------------

const OP_EXP = 0, OP_EXPM1 = 1, OP_LOG = 2, OP_LOG1P = 3, OP_LOG2 = 4, OP_LOG10 = 5,
  OP_SIN = 6, OP_COS = 7, OP_TANH = 8, OP_SINH = 9, OP_COSH = 10;

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
    case OP_SINH: return sinhV(v);
    case OP_COSH: return coshV(v);
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

/** Elements a blocked kernel runs on its fast path before checking that they were all valid. */
const BLOCK: usize = 256;

/** The fast (table, no special values) two-lane function for a blocked `op`. */
// @ts-ignore: decorator
@inline function fastOp(op: i32, v: v128): v128 {
  switch (op) {
    case OP_EXP: return expTable(v);
    case OP_EXPM1: return v128.bitselect(v, expTableMode(v, true), f64x2.eq(v, splat(0.0)));
    case OP_TANH: return tanhOf(v, true);
    case OP_SINH: return sinhOf(v, true);
    case OP_COSH: return coshOf(v, true);
    case OP_LOG: return logFast(v, LOG_MODE_LN);
    case OP_LOG2: return logFast(v, LOG_MODE_LOG2);
    case OP_LOG10: return logFast(v, LOG_MODE_LOG10);
    default: return logFast(v, LOG_MODE_LOG1P);
  }
}

/**
 * Lanes whose input the fast path of `op` takes (false on NaN): |x| < EXP_FAST_LIMIT for exp,
 * expm1, sinh, cosh; every input for tanh (its fast path gives ±1 for ±Inf and NaN for NaN, so
 * it needs no check); positive normal finite x for the logs; -1 < x < Inf for log1p.
 */
// @ts-ignore: decorator
@inline function fastValid(op: i32, v: v128): v128 {
  switch (op) {
    case OP_EXP: case OP_EXPM1: case OP_SINH: case OP_COSH: return absLess(v, EXP_FAST_LIMIT);
    case OP_TANH: return i64x2.splat(-1);
    case OP_LOG1P: return v128.and(f64x2.gt(v, splat(-1.0)), f64x2.lt(v, splat(Infinity)));
    default: return v128.and(f64x2.ge(v, splat(SMALLEST_NORMAL)), f64x2.lt(v, splat(Infinity)));
  }
}

/**
 * out[i] = fastOp(x[i]) for i < n (n a multiple of 4), four a step, no branch; returns
 * whether every x[i] was valid for the fast path, i.e. whether the results stand.
 */
// @ts-ignore: decorator
@inline function fastRun(op: i32, x: usize, out: usize, n: usize): bool {
  let ok = i64x2.splat(-1);
  for (let i: usize = 0; i < n; i += 4) {
    const offset = i << 3;
    const a = v128.load(x + offset);
    const b = v128.load(x + offset, 16);
    ok = v128.and(ok, v128.and(fastValid(op, a), fastValid(op, b)));
    v128.store(out + offset, fastOp(op, a));
    v128.store(out + offset, fastOp(op, b), 16);
  }
  return i64x2.all_true(ok);
}

/** True when every x[i] (i < n, n a multiple of 4) is valid for the fast path of `op`. */
// @ts-ignore: decorator
@inline function fastInRange(op: i32, x: usize, n: usize): bool {
  let ok = i64x2.splat(-1);
  for (let o: usize = 0; o < (n << 3); o += 32) {
    ok = v128.and(ok, v128.and(fastValid(op, v128.load(x + o)), fastValid(op, v128.load(x + o, 16))));
  }
  return i64x2.all_true(ok);
}

/**
 * `op` over n elements, BLOCK (then the rest rounded down to 4) at a time on its fast path,
 * branch-free. When out and x do not overlap, a block holding an element outside that path's
 * domain (rare: exp |x| ≥ 704, log x ≤ 0 or subnormal, NaN, ±Inf) is redone through
 * mapUnary, whose careful functions handle every value; when they overlap (in place) each
 * block is checked first instead. The last n mod 4 elements go through mapUnary.
 */
// @ts-ignore: decorator
@inline function mapBlocked(op: i32, x: usize, out: usize, n: usize): void {
  const disjoint = out + (n << 3) <= x || x + (n << 3) <= out;
  const n4 = n & ~(<usize>3);
  let i: usize = 0;
  while (i < n4) {
    const m = min<usize>(BLOCK, n4 - i);
    const src = x + (i << 3);
    const dst = out + (i << 3);
    if (disjoint) {
      if (!fastRun(op, src, dst, m)) carefulRun(op, src, dst, m);
    } else if (fastInRange(op, src, m)) {
      fastRun(op, src, dst, m);
    } else {
      carefulRun(op, src, dst, m);
    }
    i += m;
  }
  carefulRun(op, x + (i << 3), out + (i << 3), n - i);
}

/** mapUnary for a blocked op, out of line so that mapBlocked's hot loop stays small. */
function carefulRun(op: i32, x: usize, out: usize, n: usize): void {
  switch (op) {
    case OP_EXP: mapUnary(OP_EXP, x, out, n); break;
    case OP_EXPM1: mapUnary(OP_EXPM1, x, out, n); break;
    case OP_TANH: mapUnary(OP_TANH, x, out, n); break;
    case OP_SINH: mapUnary(OP_SINH, x, out, n); break;
    case OP_COSH: mapUnary(OP_COSH, x, out, n); break;
    case OP_LOG: mapUnary(OP_LOG, x, out, n); break;
    case OP_LOG2: mapUnary(OP_LOG2, x, out, n); break;
    case OP_LOG10: mapUnary(OP_LOG10, x, out, n); break;
    default: mapUnary(OP_LOG1P, x, out, n);
  }
}

/**
 * Element-wise e^x of `n` float64 at byte offset `x` into byte offset `out` (may equal `x`).
 * @param x byte offset of the input
 * @param out byte offset of the output
 * @param n element count
 */
export function unary_exp(x: usize, out: usize, n: usize): void {
  mapBlocked(OP_EXP, x, out, n);
}

/**
 * Element-wise e^x - 1 (accurate near 0, -0 kept).
 * @param x byte offset of the input
 * @param out byte offset of the output
 * @param n element count
 */
export function unary_expm1(x: usize, out: usize, n: usize): void {
  mapBlocked(OP_EXPM1, x, out, n);
}

/**
 * Element-wise natural logarithm (0 → -Inf, negative → NaN).
 * @param x byte offset of the input
 * @param out byte offset of the output
 * @param n element count
 */
export function unary_log(x: usize, out: usize, n: usize): void {
  mapBlocked(OP_LOG, x, out, n);
}

/**
 * Element-wise log(1 + x), accurate near 0 (-1 → -Inf, below -1 → NaN, -0 kept).
 * @param x byte offset of the input
 * @param out byte offset of the output
 * @param n element count
 */
export function unary_log1p(x: usize, out: usize, n: usize): void {
  mapBlocked(OP_LOG1P, x, out, n);
}

/**
 * Element-wise base-2 logarithm (exact at powers of two).
 * @param x byte offset of the input
 * @param out byte offset of the output
 * @param n element count
 */
export function unary_log2(x: usize, out: usize, n: usize): void {
  mapBlocked(OP_LOG2, x, out, n);
}

/**
 * Element-wise base-10 logarithm.
 * @param x byte offset of the input
 * @param out byte offset of the output
 * @param n element count
 */
export function unary_log10(x: usize, out: usize, n: usize): void {
  mapBlocked(OP_LOG10, x, out, n);
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
  mapBlocked(OP_TANH, x, out, n);
}

/**
 * Element-wise hyperbolic sine (overflows to ±Inf beyond |x| ≈ 710.5, -0 kept).
 * @param x byte offset of the input
 * @param out byte offset of the output
 * @param n element count
 */
export function unary_sinh(x: usize, out: usize, n: usize): void {
  mapBlocked(OP_SINH, x, out, n);
}

/**
 * Element-wise hyperbolic cosine (overflows to +Inf beyond |x| ≈ 710.5).
 * @param x byte offset of the input
 * @param out byte offset of the output
 * @param n element count
 */
export function unary_cosh(x: usize, out: usize, n: usize): void {
  mapBlocked(OP_COSH, x, out, n);
}
