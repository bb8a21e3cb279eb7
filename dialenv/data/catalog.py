"""The built-in datasets, as plain data (facts from the PROVENANCE.md of each staged dataset folder).

Every dict below is passed to :func:`dialenv.data.registry.register_dataset`. URLs point at the upstream
repositories at the exact commits named in the provenance notes, so a download fetches the very bytes the
checksums describe. ``size``/``sha256`` are those of the upstream file; ``gz_sha256`` is that of the
``gzip -9 -n`` copy found in the reference mirror. ``sha256: None`` marks a file whose checksum is not known
(it was never retrieved for checking); such files are used as found and reported as "unverifiable".
"""

from __future__ import annotations

from typing import Any

_RAW = "https://raw.githubusercontent.com/"
_SIM_M = _RAW + "google-research-datasets/simulated-dialogue/9c5752ffa60d00c58efe52ce2ec6a29f2c2bb47b/sim-M/"
_CONVLAB2 = _RAW + "thu-coai/ConvLab-2/b014b81fcb1ff74f54681917eee39c14c87af3e5/data/multiwoz/"
_MULTIWOZ_OFFICIAL = _RAW + "budzianowski/multiwoz/fe0c8e65cfcd8462bd33c86e35f21addc84ca82b/"
_GUS = _RAW + "thu-spmi/GUS/9cdaf36dc4ed2001840e01797721a4c19b56a1ab/data/MultiWOZ_2.1/"
_CONVAI2_HONGBOZHANG = _RAW + "hongbozhang0808/Convai2/26f3487f1ac13c19cf4022424dd8178458476020/data/ConvAI2/"
_CONVAI2_NARLLM = _RAW + "chogamy/NARLLM/b9761a3b41959c3e01915bcdcc3a03865f81e2fd/data/ConvAI2/"
_HF_PERSONACHAT = "https://s3.amazonaws.com/datasets.huggingface.co/personachat/"
_PREDICTIONS = _RAW + "Tomiinek/MultiWOZ_Evaluation/7f19ee01ffd97652bfad5b067fce40704d9c9de2/predictions/"

_MULTIWOZ_TRAIN_NOTE = (
    "no checksum is known for the MultiWOZ 2.1 (ConvLab-2) train split: it was never retrieved for checking, "
    "so a downloaded copy cannot be verified"
)
_CONVAI2_VARIANT_NOTE = (
    "this ConvAI2 variant (20 candidates per turn and/or revised personas) is published only inside ParlAI's "
    "archive http://parl.ai/downloads/convai2/convai2_fix_723.tgz (no per-file URL, no per-file checksum); "
    "extract it first"
)
_HF_PERSONACHAT_NOTE = (
    "the TransferTransfo json form (train: both speakers' views, valid; 20 candidates, true response last); "
    "no checksum is known, so a downloaded copy cannot be verified"
)
_CONVAI2_TRAIN_NOTE = (
    "ConvAI2 training files are published only inside ParlAI's archive "
    "http://parl.ai/downloads/convai2/convai2_fix_723.tgz (no per-file URL, no per-file checksum); "
    "extract it first"
)

SIM_M: dict[str, Any] = {
    "name": "sim-M",
    "description": "Google Simulated Dialogue sim-M, movie tickets (Shah et al. 2018): 384/120/264 dialogues",
    "files": [
        {
            "name": "train.json",
            "url": _SIM_M + "train.json",
            "size": 3170513,
            "sha256": "241086da5a732de470a7b7f899cd27a84648fd31d9d33159ef00ef3c3c831ea9",
            "gz_sha256": "77a36c7d393f72e691977b4038f7ccc106e2db012a6c9541e80b314c9fa372d0",
        },
        {
            "name": "dev.json",
            "url": _SIM_M + "dev.json",
            "size": 964851,
            "sha256": "5afd669f6049c658f5abcc2e1c192d54565dfb2f639a16196e0176e0af28b2c8",
            "gz_sha256": "747042314eca10a04f02a98f93a4f19d0454a23270177f32518475cf6b3c6f84",
        },
        {
            "name": "test.json",
            "url": _SIM_M + "test.json",
            "size": 2186275,
            "sha256": "ec663a1f94b005d4f0a83fd7b83b242785b976bf9613a3eea2b6e10ac1a6b894",
            "gz_sha256": "5a0ff4aa6685ccce62819a943223d61bc3f986e9376c67386e2a0fabbce55cb3",
        },
    ],
}

MULTIWOZ21: dict[str, Any] = {
    "name": "multiwoz21",
    "description": "MultiWOZ 2.1, ConvLab-2 variant with user acts: train/val/test, databases, ontology",
    "files": [
        {
            "name": "val.json.zip",
            "url": _CONVLAB2 + "val.json.zip",
            "size": 1537014,
            "sha256": "25ddfd4d0b01304012b54e2d98caa038c91d95295c4b519cc721b9b616f506dc",
        },
        {
            "name": "test.json.zip",
            "url": _CONVLAB2 + "test.json.zip",
            "size": 1533565,
            "sha256": "438deb6ff5402cef5ff29cc0d5a10db818c1e9142727c1d631e71b563c66a5b4",
        },
        {
            "name": "train.json.zip",
            "url": _CONVLAB2 + "train.json.zip",
            "size": None,
            "sha256": None,
            "note": _MULTIWOZ_TRAIN_NOTE,
        },
        {
            "name": "testListFile",
            "url": _CONVLAB2 + "testListFile",
            "size": 8497,
            "sha256": "7051d16cb64f620ecb341f8a1708635cd914c2613b2497c23209498ac5e4e033",
        },
        {
            "name": "valListFile",
            "url": _CONVLAB2 + "valListFile",
            "size": 8498,
            "sha256": "94980a8563da8bc02047cf994aa5b8001b4df083f3fbe284c64be1dfcfb264b6",
        },
        {
            "name": "trainListFile",
            "url": _CONVLAB2 + "trainListFile",
            "size": 72802,
            "sha256": "a3e53af2da24d728f69849bcf4aacd25e72dc12bfa4f38fd40b3a3d40890c594",
        },
        {
            "name": "ontology.json",
            "url": _CONVLAB2 + "ontology.json",
            "size": 44533,
            "sha256": "e3046a9c5edd37bd9a705753e715d87dfd7ae33a2f12dd39cf0669b9088d7167",
        },
        {
            "name": "split_lists_official/testListFile.txt",
            "url": _GUS + "testListFile.txt",
            "size": 13497,
            "sha256": "56fff5bf8c7b0a64fba8672241a7bdd947c3a58986bf06f46d37f33288f73ce0",
        },
        {
            "name": "split_lists_official/valListFile.txt",
            "url": _GUS + "valListFile.txt",
            "size": 13507,
            "sha256": "8e19240b90576c3ed83a0d44ef5e7ca8916e47356662ed4621e6b39d8c327d80",
        },
        {
            "name": "db_official/attraction_db.json",
            "url": _MULTIWOZ_OFFICIAL + "db/attraction_db.json",
            "size": 35731,
            "sha256": "2aacc620af4025f1eada5ec83057a866f8e8b72b529f71d2f8bf93bcdd8f8751",
        },
        {
            "name": "db_official/hospital_db.json",
            "url": _MULTIWOZ_OFFICIAL + "db/hospital_db.json",
            "size": 7291,
            "sha256": "51282ab30346d4e826fbdf6a668d346f4b1e72425190d62048a7c471ffba5020",
        },
        {
            "name": "db_official/hotel_db.json",
            "url": _MULTIWOZ_OFFICIAL + "db/hotel_db.json",
            "size": 18241,
            "sha256": "7f7d0fa564f6735b6a168a3ab72c7ca6f1180c49fa8a285bd9ebf7dac10e5e45",
        },
        {
            "name": "db_official/police_db.json",
            "url": _MULTIWOZ_OFFICIAL + "db/police_db.json",
            "size": 149,
            "sha256": "d9c2b200fa2dd61b04ce2fe520b0b79dfa68d8b895806cfec6e8a8d3cffa9193",
        },
        {
            "name": "db_official/restaurant_db.json",
            "url": _MULTIWOZ_OFFICIAL + "db/restaurant_db.json",
            "size": 56391,
            "sha256": "7864b4e36027af0907d6afe9ed962fecd6c6966cd626b8ae9341708a04ea201a",
        },
        {
            "name": "db_official/taxi_db.json",
            "url": _MULTIWOZ_OFFICIAL + "db/taxi_db.json",
            "size": 217,
            "sha256": "6b676ae412ef17a15c24594bec99f61ed6a18b0fbecf6ed89d409baa924b89c1",
        },
        {
            "name": "db_official/train_db.json",
            "url": _MULTIWOZ_OFFICIAL + "db/train_db.json",
            "size": 748675,
            "sha256": "4818e735bae20690f6d0d06bb2ae8eec1981c0b680258a970dc01c9073f3fec9",
        },
        {
            "name": "db_convlab2/attraction_db.json",
            "url": _CONVLAB2 + "db/attraction_db.json",
            "size": 35731,
            "sha256": "ac2486936c373917fd9ed1aa46d0e63f7dc6fae4667c80e62b643ac6051e9848",
        },
        {
            "name": "db_convlab2/hospital_db.json",
            "url": _CONVLAB2 + "db/hospital_db.json",
            "size": 12109,
            "sha256": "6b1c867e54fa1ca92b58036945819168ec4ac981da28a09d9dec0ed9d6185937",
        },
        {
            "name": "db_convlab2/hotel_db.json",
            "url": _CONVLAB2 + "db/hotel_db.json",
            "size": 18229,
            "sha256": "972bbd65beada7c64f0b87322c694fd9173b46cf8e61ca3bbe951717ac1d1662",
        },
        {
            "name": "db_convlab2/police_db.json",
            "url": _CONVLAB2 + "db/police_db.json",
            "size": 179,
            "sha256": "5282b151240e9e31682172c806722ee117da9e7a9fe701b00b77b98ae118bf6f",
        },
        {
            "name": "db_convlab2/restaurant_db.json",
            "url": _CONVLAB2 + "db/restaurant_db.json",
            "size": 56391,
            "sha256": "7864b4e36027af0907d6afe9ed962fecd6c6966cd626b8ae9341708a04ea201a",
        },
        {
            "name": "db_convlab2/taxi_db.json",
            "url": _CONVLAB2 + "db/taxi_db.json",
            "size": 203,
            "sha256": "4305d9410d8674313ea1e227c3f9bfa5f15ff0bb2a4976d9ab8d656aa558ee23",
        },
        {
            "name": "db_convlab2/train_db.json",
            "url": _CONVLAB2 + "db/train_db.json",
            "size": 748675,
            "sha256": "4818e735bae20690f6d0d06bb2ae8eec1981c0b680258a970dc01c9073f3fec9",
        },
    ],
}

PERSONACHAT_CONVAI2: dict[str, Any] = {
    "name": "personachat_convai2",
    "description": "PERSONA-CHAT: ConvAI2 text (valid 1000 dialogues, 3 views; train; variants), HF json",
    "files": [
        {
            "name": "valid_self_original_no_cands.txt",
            "url": _CONVAI2_HONGBOZHANG + "valid_self_original_no_cands.txt",
            "size": 1042927,
            "sha256": "7e26e8a266583dfe21fd2df4c651a2831dceeb7c87be9c7bb517974d9979c363",
            "gz_sha256": "5b22fafcc9c883d3536e978aec2d029e7e771e500c357d7c741b4b9a18a690ce",
        },
        {
            "name": "valid_other_original_no_cands.txt",
            "url": _CONVAI2_HONGBOZHANG + "valid_other_original_no_cands.txt",
            "size": 1064440,
            "sha256": "ffcc18357d21019e47a54bbd5cba5f39ad91a0ff099e223aa1a7ab126f643b13",
            "gz_sha256": "5a8d8b19ca9ccdfd81eebbe0c912eb2d54a44826f719e6d5e297d7e67fa16ac3",
        },
        {
            "name": "valid_both_original_no_cands.txt",
            "url": _CONVAI2_NARLLM + "valid_both_original_no_cands.txt",
            "size": 1288233,
            "sha256": "51a08faeb174c37c2695f22780bb1b6f12a56865cd0bd98b06dd0c6e95adb956",
            "gz_sha256": "2bb2eb9515d77c6de370dec4d7ff15f3eb5d2895caf933663dedf82d5def6701",
        },
        {
            "name": "train_self_original_no_cands.txt",
            "url": None,
            "size": None,
            "sha256": None,
            "note": _CONVAI2_TRAIN_NOTE,
        },
        {
            "name": "train_other_original_no_cands.txt",
            "url": None,
            "size": None,
            "sha256": None,
            "note": _CONVAI2_TRAIN_NOTE,
        },
        {
            "name": "train_both_original_no_cands.txt",
            "url": None,
            "size": None,
            "sha256": None,
            "note": _CONVAI2_TRAIN_NOTE,
        },
        *(
            {"name": name, "url": None, "size": None, "sha256": None, "note": _CONVAI2_VARIANT_NOTE}
            for name in (
                "valid_self_original.txt",
                "valid_other_original.txt",
                "valid_both_original.txt",
                "valid_self_revised.txt",
                "valid_other_revised.txt",
                "valid_both_revised.txt",
                "valid_self_revised_no_cands.txt",
                "valid_other_revised_no_cands.txt",
                "valid_both_revised_no_cands.txt",
            )
        ),
        {
            "name": "personachat_self_original.json",
            "url": _HF_PERSONACHAT + "personachat_self_original.json",
            "size": None,
            "sha256": None,
            "note": _HF_PERSONACHAT_NOTE,
        },
    ],
}

MULTIWOZ_PREDICTIONS: dict[str, Any] = {
    "name": "multiwoz-predictions",
    "description": "MultiWOZ test-set outputs of 16 published systems (Tomiinek/MultiWOZ_Evaluation)",
    "files": [
        {
            "name": "augpt.json",
            "url": _PREDICTIONS + "augpt.json",
            "size": 2974046,
            "sha256": "c642e5eeec966871fbf25f9d9dc99f3acca885b5b4b54043af02540742d17165",
            "gz_sha256": "9b327dc288531639c60b9f189e135e96efba7fd8daf56b1b71bed7a64b613b94",
        },
        {
            "name": "damd.json",
            "url": _PREDICTIONS + "damd.json",
            "size": 2415309,
            "sha256": "26ed05b82fb12579e89ab69b833b0442e0e0208dbeb028f25bf16284cd84e455",
            "gz_sha256": "9fdff4729c9e7e9073cd1b9ff5b86eab274468f80773f5c969d93b93f7a035b0",
        },
        {
            "name": "dots.json",
            "url": _PREDICTIONS + "dots.json",
            "size": 3065260,
            "sha256": "59bc49b2b7ec73089c1e541fc03eece1c7d86bf30b471553cbc5f7d9e4253248",
            "gz_sha256": "24fd0008ca82aa3aa09ec521fcd21854d904a01136c9788b67bac1b5e0b3d69f",
        },
        {
            "name": "galaxy-e2e.json",
            "url": _PREDICTIONS + "galaxy-e2e.json",
            "size": 1894910,
            "sha256": "1719cbe457e11ca55753691688e62c6273f14f5b5d47b5f6806015fc8fa98bfa",
            "gz_sha256": "a85e707678b2cc6d954e0af4f3dc462f69e5e1c294f8f79af446cddb9eaa7a1f",
        },
        {
            "name": "galaxy-policy.json",
            "url": _PREDICTIONS + "galaxy-policy.json",
            "size": 770127,
            "sha256": "0eb6dea6830537456ed0cedc53768655c82d4b04a83b7fb43637c3ca245f8206",
            "gz_sha256": "3e95fefeac6ff48567a98f873f5ca30b2d8935df9749974073f8dfe158c7826e",
        },
        {
            "name": "hdno.json",
            "url": _PREDICTIONS + "hdno.json",
            "size": 1277385,
            "sha256": "a141857c49d3afc0e8bbce340642dba69f67cb5bd2e31428e9998f4f8f3ea3a4",
            "gz_sha256": "0de72d3d168a67728b104238a5ebb713ceca61fa5bc740a083c72666051ef1a1",
        },
        {
            "name": "hdsa.json",
            "url": _PREDICTIONS + "hdsa.json",
            "size": 1265234,
            "sha256": "9c74887b359e16e3e4fa7b726e2f2439c3e9f08b07c6eb216e960dd6526b628d",
            "gz_sha256": "131a74be5573833427284ed52ba4de3ce6cf001a3bccf240a3669edf92175212",
        },
        {
            "name": "labes.json",
            "url": _PREDICTIONS + "labes.json",
            "size": 2407499,
            "sha256": "086b4dcf63bfd6cffe629a3d0debd7139da68913b5bc90717d2ddfa1e41732d9",
            "gz_sha256": "3de4a82c5e032f7ed04014a0583bb832e60d4bce3fd156d50727ca06ec4b72fe",
        },
        {
            "name": "lava.json",
            "url": _PREDICTIONS + "lava.json",
            "size": 1342543,
            "sha256": "431fdc943fed06b2d00f68ada3ab40ec07a6faad6d7799424654affbe5fdfca8",
            "gz_sha256": "a299a106174383c1df846d4fc72f0bd1cdfb69e03b73b002440f66c2b9c7f4ee",
        },
        {
            "name": "marco.json",
            "url": _PREDICTIONS + "marco.json",
            "size": 1369463,
            "sha256": "2015bab238f2c2267935f4d6d49c1e66df4f2d0cab75025ce235391f57bb2ddd",
            "gz_sha256": "474fe02f1945afd9ed5183ed3fc496624bdd7dfb536afc56b01766c891f8cf18",
        },
        {
            "name": "mintl.json",
            "url": _PREDICTIONS + "mintl.json",
            "size": 2643080,
            "sha256": "0fd0034ef01b0e3605231ee0993e67c752c713de031052d85664b802267a2d8b",
            "gz_sha256": "b4d43027a24b3867e1b96ef1a88a951bff940f0c784e5d3826e3d5a58175d2dd",
        },
        {
            "name": "pptod.json",
            "url": _PREDICTIONS + "pptod.json",
            "size": 3324249,
            "sha256": "c2609d951f0fd176b70bee6733113048d16748fefd9d2193d54c5df5f69c5a89",
            "gz_sha256": "70c5eb534c7216380f344db6f630e90daffb4d790c5482c4954f55dc7a6e1a01",
        },
        {
            "name": "sfn.json",
            "url": _PREDICTIONS + "sfn.json",
            "size": 1372983,
            "sha256": "a438b919ae09266eb036e5dba6749c494e26bb330c774c8ebad60f708971e101",
            "gz_sha256": "5dc898cee316f263d8286afedf383450ae0afd56433193b8c9958d468faae70f",
        },
        {
            "name": "soloist.json",
            "url": _PREDICTIONS + "soloist.json",
            "size": 2693815,
            "sha256": "2a42b6e408127053407b15635352c3becfa5ae6b68c06ec4bd1757fd2f085a3e",
            "gz_sha256": "89a952ff2c98e900d809d46480b781d96186557b883d8cfa09a1089e13e07662",
        },
        {
            "name": "ubar.json",
            "url": _PREDICTIONS + "ubar.json",
            "size": 2652383,
            "sha256": "957b614c64e5e06e08011fc0da0380ef35eb7de1a842581e45e2f8ce0518ebf8",
            "gz_sha256": "2c62851a3638bbef975a31fb07140d70e0bc2bc9ebc406e460b1749d10e4d5d0",
        },
        {
            "name": "uniconv.json",
            "url": _PREDICTIONS + "uniconv.json",
            "size": 2911122,
            "sha256": "3bb3579970cd8d8e1d41975f9f7e19e26bc0e2a88af27f4126cc99d4a9a942bd",
            "gz_sha256": "e1300cc5a2dc1e39556ac7dc41dd922d059fc2cdd2e7b77c992cf2d19b3466c9",
        },
    ],
}

BUILTIN_DATASETS: tuple[dict[str, Any], ...] = (SIM_M, MULTIWOZ21, PERSONACHAT_CONVAI2, MULTIWOZ_PREDICTIONS)
