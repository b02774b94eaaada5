//! Linear-chain CRF trained by averaged stochastic gradient ascent on the log-likelihood, over
//! the same features and label constraints as the perceptron, for comparison
//! (`ner-train train ar --crf`). Its weights decode with the same Viterbi.

use stancemap::ner::decode::allowed;

use crate::perceptron::{Example, Rng, Weights};

const NEG: f64 = -1e30;

fn log_sum_exp(xs: impl Iterator<Item = f64>) -> f64 {
    let v: Vec<f64> = xs.collect();
    let m = v.iter().copied().fold(NEG, f64::max);
    if m <= NEG / 2.0 {
        return NEG;
    }
    m + v.iter().map(|x| (x - m).exp()).sum::<f64>().ln()
}

/// Trains for `epochs` passes with step `rate`; the returned weights are the average over all
/// steps (averaged SGD, which stands in for an L2 penalty).
pub fn train(examples: &[Example], features: usize, labels: usize, epochs: usize, seed: u64, rate: f32) -> Weights {
    let l = labels;
    let mut w = vec![0f32; features * l];
    let mut u = vec![0f32; features * l];
    let (mut start, mut ustart) = (vec![0f32; l], vec![0f32; l]);
    let (mut trans, mut utrans) = (vec![0f32; l * l], vec![0f32; l * l]);
    let mut order: Vec<usize> = (0..examples.len()).collect();
    let mut rng = Rng(seed | 1);
    let mut c = 1f32;
    for _ in 0..epochs {
        for i in (1..order.len()).rev() {
            order.swap(i, (rng.next() % (i as u64 + 1)) as usize);
        }
        for &e in &order {
            let ex = &examples[e];
            let n = ex.gold.len();
            let feats = |t: usize| &ex.features[ex.starts[t] as usize..ex.starts[t + 1] as usize];
            let mut emit = vec![0f64; n * l];
            for t in 0..n {
                for &f in feats(t) {
                    for y in 0..l {
                        emit[t * l + y] += f64::from(w[f as usize * l + y]);
                    }
                }
            }
            let snapshot = trans.clone();
            let tr = |p: usize, y: usize| if allowed(Some(p), y) { f64::from(snapshot[p * l + y]) } else { NEG };
            let mut alpha = vec![NEG; n * l];
            for y in (0..l).filter(|&y| allowed(None, y)) {
                alpha[y] = f64::from(start[y]) + emit[y];
            }
            for t in 1..n {
                for y in 0..l {
                    alpha[t * l + y] = log_sum_exp((0..l).map(|p| alpha[(t - 1) * l + p] + tr(p, y))) + emit[t * l + y];
                }
            }
            let mut beta = vec![0f64; n * l];
            for t in (0..n - 1).rev() {
                for p in 0..l {
                    beta[t * l + p] = log_sum_exp((0..l).map(|y| tr(p, y) + emit[(t + 1) * l + y] + beta[(t + 1) * l + y]));
                }
            }
            let z = log_sum_exp((0..l).map(|y| alpha[(n - 1) * l + y]));
            let step = rate;
            let bump = |table: &mut [f32], acc: &mut [f32], i: usize, d: f32| {
                table[i] += step * d;
                acc[i] += c * step * d;
            };
            for t in 0..n {
                let g = usize::from(ex.gold[t]);
                for y in 0..l {
                    let p = ((alpha[t * l + y] + beta[t * l + y] - z).exp()) as f32;
                    let d = f32::from(u8::from(y == g)) - p;
                    if d.abs() < 1e-4 {
                        continue;
                    }
                    for &f in feats(t) {
                        bump(&mut w, &mut u, f as usize * l + y, d);
                    }
                    if t == 0 {
                        bump(&mut start, &mut ustart, y, d);
                    }
                }
                if t > 0 {
                    let gp = usize::from(ex.gold[t - 1]);
                    for p in 0..l {
                        for y in (0..l).filter(|&y| allowed(Some(p), y)) {
                            let m = ((alpha[(t - 1) * l + p] + tr(p, y) + emit[t * l + y] + beta[t * l + y] - z).exp()) as f32;
                            let d = f32::from(u8::from(p == gp && y == g)) - m;
                            if d.abs() >= 1e-4 {
                                bump(&mut trans, &mut utrans, p * l + y, d);
                            }
                        }
                    }
                }
            }
            c += 1.0;
        }
    }
    let avg = |w: &[f32], u: &[f32]| w.iter().zip(u).map(|(w, u)| w - u / c).collect::<Vec<f32>>();
    Weights { labels: l, features: avg(&w, &u), start: avg(&start, &ustart), transitions: avg(&trans, &utrans) }
}
