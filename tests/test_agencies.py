"""The agency registry: rule files validate, printed names resolve, counterparts, every gold agency known."""
from pathlib import Path

import pytest
import yaml

from pipeline import agencies
from pipeline.agencies import AgencyEntry, AgencyMap, AgencyRules, CounterpartRule, Registry
from pipeline.model import DoichieuError
from pipeline.rules import load_rules

ROOT = Path(__file__).resolve().parent.parent


def test_rule_files_validate_and_ids_are_unique():
    rules = load_rules("agencies", AgencyRules)
    ids = [entry.id for entry in rules.agencies]
    assert len(ids) == len(set(ids))
    mapping = load_rules("agency_map", AgencyMap)
    for rule in mapping.counterparts:
        for agency_id in (rule.central, *rule.provincial):
            assert agency_id in ids


def test_map_with_unknown_id_is_refused():
    rules = load_rules("agencies", AgencyRules)
    with pytest.raises(DoichieuError, match="unknown agency id"):
        Registry(rules, AgencyMap(counterparts=[CounterpartRule(central="bo_y_te", provincial=["so_khong_co"])]))


def test_a_name_given_to_two_agencies_is_refused():
    # the second entry would never be found by that name: the registry says so instead of ignoring it
    rules = load_rules("agencies", AgencyRules)
    twin = rules.model_copy(update={"agencies": [*rules.agencies, AgencyEntry(
        id="so_giao_dich_chung_khoan_vn", name="Sở Giao dịch chứng khoán Việt Nam", level="central")]})
    with pytest.raises(DoichieuError, match="names two agencies: so_giao_dich_chung_khoan and so_giao_dich"):
        Registry(twin, load_rules("agency_map", AgencyMap))


def test_invalid_entry_is_refused():
    with pytest.raises(ValueError):
        AgencyRules.model_validate({"agencies": [{"id": "x", "name": "X", "level": "planet"}]})
    with pytest.raises(ValueError):
        AgencyRules.model_validate({"agencies": [{"id": "a", "name": "A", "level": "central"},
                                                 {"id": "a", "name": "B", "level": "central"}]})


@pytest.mark.parametrize("printed, expected", [
    ("Bộ Lao động, Thương binh và Xã hội", "bo_lao_dong_tbxh"),
    ("Bộ Lao động – Thương binh và Xã hội", "bo_lao_dong_tbxh"),
    ("Bộ LĐTBXH", "bo_lao_dong_tbxh"),
    ("Bộ Văn hóa - Thể thao và Du lịch", "bo_van_hoa_tt_dl"),
    ("Bộ Văn hóa, Thể thao và Du lịch", "bo_van_hoa_tt_dl"),
    ("Ủy ban dân tộc", "uy_ban_dan_toc"),
    ("Uỷ ban Dân tộc", "uy_ban_dan_toc"),
    ("UBND tỉnh", "ubnd_tinh"),
    ("Sở KH&ĐT", "so_ke_hoach_dau_tu"),
    ("Sở TN&MT", "so_tai_nguyen_moi_truong"),
    ("Sở NN&PTNT", "so_nong_nghiep_ptnt"),
    ("Sở Nông nghiệp và Môi trường", "so_nong_nghiep_moi_truong"),
    ("Sở GTVT", "so_giao_thong_van_tai"),
    ("Sở TT&TT", "so_thong_tin_truyen_thong"),
    ("Sở VHTTDL", "so_van_hoa_tt_dl"),
    ("Bộ CHQS tỉnh", "bo_chi_huy_quan_su_tinh"),
    ("BCHQS tỉnh", "bo_chi_huy_quan_su_tinh"),
    ("Bộ Chỉ huy BĐBP tỉnh", "bo_chi_huy_bdbp_tinh"),
    ("Ủy ban MTTQ Việt Nam tỉnh", "uy_ban_mttq_tinh"),
    ("HĐND tỉnh", "hdnd_tinh"),
    ("Ngân hàng Nhà nước", "ngan_hang_nha_nuoc"),
    ("Bộ Dân tộc và Tôn giáo", "bo_dan_toc_ton_giao"),
    ("Ủy ban nhân dân các huyện biên giới", "ubnd_cac_huyen"),
    ("Ủy ban nhân dân xã, phường", "ubnd_xa"),
    ("Ủy ban nhân dân các cấp", "ubnd_cac_cap"),
    ("Giám đốc Sở Công Thương", "so_cong_thuong"),
    ("Chánh Văn phòng Ủy ban nhân dân tỉnh", "van_phong_ubnd_tinh"),
    ("Chủ tịch Ủy ban nhân dân các tỉnh, thành phố trực thuộc Trung ương có liên quan", "ubnd_cac_tinh"),
    ("Bộ trưởng", "bo_truong_thu_truong"),
    ("các bộ, ngành và địa phương liên quan", "cac_bo_nganh_dia_phuong"),
    ("các Bộ, ngành liên quan", "cac_bo_nganh"),
    ("Các địa phương có biên giới", "cac_dia_phuong"),
    ("các cơ quan, đơn vị liên quan", "cac_co_quan_don_vi"),
    ("công an các đơn vị, địa phương", "luc_luong_cong_an_quan_doi"),
    # the police of a district (before 2025) and of a commune are units of the province's police, named by their level
    ("Công an huyện", "cong_an_huyen"),
    ("Công an cấp huyện", "cong_an_huyen"),
    ("Công an các huyện, thành phố", "cong_an_huyen"),
    ("Công an huyện Bát Xát", "cong_an_huyen"),
    ("Công an cấp xã", "cong_an_xa"),
    ("Công an các xã, phường", "cong_an_xa"),
    ("lực lượng công an", "luc_luong_cong_an_quan_doi"),
    # a centrally-run city's own bodies: its youth union and its military command
    ("Thành đoàn", "tinh_doan"),
    ("Thành Đoàn", "tinh_doan"),
    ("Bộ Tư lệnh Thành phố", "bo_chi_huy_quan_su_tinh"),
    ("Bộ Tư lệnh Thủ đô", "bo_chi_huy_quan_su_tinh"),
    # the state forest funds, national and provincial (the decrees on forest services: NĐ 180/2026/NĐ-CP)
    ("Quỹ Bảo vệ và phát triển rừng Việt Nam", "quy_bv_ptr_viet_nam"),
    ("Quỹ Bảo vệ và Phát triển rừng cấp tỉnh", "quy_bv_ptr_tinh"),
    ("Quỹ Bảo vệ và phát triển rừng tỉnh", "quy_bv_ptr_tinh"),
    ("Quỹ Bảo vệ và phát triển rừng các cấp", "quy_bv_ptr_cac_cap"),
    # provincial bodies of provincial plans: investment fund, forest rangers, land registry, fire police, border
    # posts, the statistics office by its 2025 name, the social policy bank's branch in either word order
    ("Quỹ Đầu tư phát triển tỉnh Lào Cai", "quy_dau_tu_phat_trien_tinh"),
    ("Chi cục Kiểm lâm", "chi_cuc_kiem_lam_tinh"),
    ("Hạt Kiểm lâm khu vực Bảo Yên", "hat_kiem_lam"),
    ("Chi nhánh Văn phòng đăng ký đất đai", "van_phong_dang_ky_dat_dai_tinh"),
    ("Phòng Cảnh sát phòng cháy, chữa cháy và cứu nạn, cứu hộ Công an tỉnh", "phong_canh_sat_pccc_cnch"),
    ("các đồn Biên phòng", "don_bien_phong"),
    ("Thống kê tỉnh", "cuc_thong_ke_tinh"),
    ("Ngân hàng Chính sách xã hội chi nhánh tỉnh", "chi_nhanh_nhcsxh_tinh"),
    # organisations and citizens a statute regulates are not the state bodies "các cơ quan, đơn vị"
    ("Tổ chức, cá nhân hoạt động hóa chất", "to_chuc_ca_nhan"),
    ("các tổ chức, cá nhân có liên quan", "to_chuc_ca_nhan"),
    ("các tổ chức, doanh nghiệp", "to_chuc_ca_nhan"),
    # … as are forest owners, the parties of a contract or service and "the parties concerned"
    ("chủ rừng", "to_chuc_ca_nhan"),
    ("bên sử dụng dịch vụ", "to_chuc_ca_nhan"),
    ("bên nhận khoán bảo vệ rừng", "to_chuc_ca_nhan"),
    ("các bên liên quan", "to_chuc_ca_nhan"),
    ("các tổ chức chính trị - xã hội", "cac_co_quan_don_vi"),
    # the Party's committees and organisations named as one pair, its scope covering both
    ("cấp ủy, tổ chức đảng các cấp", "cap_uy"),
    ("các cấp ủy, tổ chức đảng", "cap_uy"),
    # the Party bodies of 2025 by their own names, not the generic "cấp ủy" nor the old boards they merged
    ("Đảng uỷ Các cơ quan Đảng tỉnh", "dang_uy_cac_co_quan_dang_tinh"),
    ("Đảng ủy HĐND tỉnh", "dang_uy_hdnd_tinh"),
    ("Đảng ủy Ủy ban Mặt trận Tổ quốc Việt Nam tỉnh", "dang_uy_mttq_tinh"),
    ("Ban Tuyên giáo và Dân vận Tỉnh ủy", "ban_tuyen_giao_dan_van_tinh_uy"),
    ("Ban Tuyên giáo Tỉnh ủy", "ban_tuyen_giao_tinh_uy"),
    ("Đảng ủy Chính phủ", "dang_uy_chinh_phu"),
    ("Đảng ủy xã", "cap_uy"),
    ("Đảng ủy Công an tỉnh", "dang_uy_cong_an_tinh"),
    ("Đảng ủy Quân sự tỉnh Lào Cai", "dang_uy_quan_su_tinh"),
    ("Đảng ủy Khối các cơ quan tỉnh", "dang_uy_khoi_cac_co_quan_tinh"),
    # the regional offices that carry a province's social insurance and central bank branch since 2025
    ("Bảo hiểm xã hội khu vực XV", "bao_hiem_xa_hoi_tinh"),
    ("Ngân hàng Nhà nước Khu vực 8", "ngan_hang_nha_nuoc_chi_nhanh"),
])
def test_lookup(printed, expected):
    assert agencies.lookup(printed).id == expected


def test_levels_and_locality():
    assert agencies.lookup("Bộ Y tế").level == "central" and not agencies.lookup("Bộ Y tế").locality
    assert agencies.lookup("Sở Y tế").level == "province" and agencies.lookup("Sở Y tế").locality
    assert agencies.lookup("Ủy ban nhân dân các xã").level == "commune"
    assert agencies.lookup("các bộ, ngành, địa phương liên quan").locality
    assert not agencies.lookup("các cơ quan liên quan").locality
    assert not agencies.lookup("lực lượng Công an").locality
    assert agencies.lookup("không phải cơ quan") is None or agencies.lookup("không phải cơ quan").kind != "ministry"


def test_expand_abbreviations():
    assert agencies.expand_abbreviations("UBND tỉnh và HĐND tỉnh") == "Ủy ban nhân dân tỉnh và Hội đồng nhân dân tỉnh"
    assert agencies.expand_abbreviations("UBNDX") == "UBNDX"


def test_counterparts():
    assert agencies.counterparts("bo_y_te") == ["so_y_te"]
    assert agencies.counterparts("bo_ngoai_giao") == ["so_ngoai_vu"]
    assert agencies.counterparts("bo_cong_an") == ["cong_an_tinh"]
    assert set(agencies.counterparts("bo_quoc_phong")) == {"bo_chi_huy_quan_su_tinh", "bo_chi_huy_bdbp_tinh"}
    assert agencies.counterparts("bo_ke_hoach_dau_tu") == ["so_ke_hoach_dau_tu"]
    assert "ubnd_tinh" in agencies.counterparts(agencies.lookup("các địa phương có biên giới").id)
    assert agencies.counterparts("so_y_te") == []
    assert "bo_y_te" in agencies.central_counterparts("so_y_te")
    assert agencies.is_counterpart("bo_ngoai_giao", "so_ngoai_vu") and not agencies.is_counterpart("bo_y_te", "so_tu_phap")
    assert len(agencies.all_agencies()) > 100
    for central in ("bo_tai_chinh", "bo_cong_thuong", "bo_nong_nghiep_moi_truong", "bo_xay_dung", "bo_noi_vu",
                    "bo_tu_phap", "bo_giao_duc_dao_tao", "bo_khoa_hoc_cong_nghe", "bo_van_hoa_tt_dl"):
        assert agencies.counterparts(central), central
    # the Party's central boards and 2025 committees have their province's own as counterparts, by era
    # the merged central board: the province's merged board, and its two former boards whose names a province merging
    # by its own decision still prints ("Ban Tuyên giáo Tỉnh ủy chủ trì" in a plan of 2026)
    assert agencies.counterparts("ban_tuyen_giao_dan_van_tw") == ["ban_tuyen_giao_dan_van_tinh_uy",
                                                                  "ban_tuyen_giao_tinh_uy", "ban_dan_van_tinh_uy"]
    assert agencies.is_counterpart("ban_tuyen_giao_dan_van_tw", agencies.lookup("Ban Tuyên giáo Tỉnh ủy").id)
    assert agencies.counterparts("ban_tuyen_giao_tw") == ["ban_tuyen_giao_tinh_uy"]
    assert agencies.counterparts("dang_uy_chinh_phu") == ["dang_uy_ubnd_tinh"]
    # the ministries' Party committees under the Đảng ủy Chính phủ are central bodies, not a locality's "cấp ủy";
    # "Đảng ủy các sở, ngành" and a bare "Đảng ủy" stay the generic committee
    for printed in ("Đảng uỷ các bộ, ngành thuộc Đảng uỷ Chính phủ", "Đảng ủy các bộ, ngành Trung ương"):
        found = agencies.lookup(printed)
        assert (found.id, found.level, found.locality) == ("dang_uy_cac_bo_nganh", "central", False), printed
    assert agencies.lookup("Đảng ủy các sở, ngành").id == agencies.lookup("các Đảng ủy").id == "cap_uy"
    assert agencies.counterparts("uy_ban_kiem_tra_tw") == ["uy_ban_kiem_tra_tinh_uy"]
    assert agencies.counterparts("quan_uy_tw") == ["dang_uy_quan_su_tinh"]


def test_registry_covers_ministries_before_and_after_2025():
    for name in ("Bộ Kế hoạch và Đầu tư", "Bộ Tài chính", "Bộ Nông nghiệp và Phát triển nông thôn",
                 "Bộ Tài nguyên và Môi trường", "Bộ Nông nghiệp và Môi trường", "Bộ Thông tin và Truyền thông",
                 "Bộ Khoa học và Công nghệ", "Bộ Giao thông vận tải", "Bộ Xây dựng", "Ủy ban Dân tộc",
                 "Bộ Dân tộc và Tôn giáo", "Ngân hàng Nhà nước Việt Nam", "Thanh tra Chính phủ", "Văn phòng Chính phủ",
                 "Ban Tuyên giáo Trung ương", "Ngân hàng Chính sách xã hội", "Sở Ngoại vụ", "Sở Nội vụ", "Sở Tư pháp",
                 "Công an tỉnh", "Thanh tra tỉnh", "Văn phòng UBND tỉnh", "Ban Dân tộc", "Ban Quản lý Khu kinh tế"):
        agency = agencies.lookup(name)
        assert agency is not None and agency.kind not in ("group", "title"), name


def _gold_names(paths):
    names = set()
    for path in paths:
        data = yaml.safe_load(Path(path).read_text(encoding="utf-8"))
        for task in data.get("tasks", []):
            for role in ("leads", "coordinators", "directs"):
                names.update(task.get(role) or [])
            if task.get("advises"):
                names.add(task["advises"])
    return names


def test_every_seed_gold_agency_resolves():
    names = _gold_names((ROOT / "corpus" / "gold").glob("*.tasks.yaml"))
    assert len(names) > 40
    assert [n for n in sorted(names) if agencies.lookup(n) is None] == []


def test_every_devset_gold_agency_resolves(shared):
    names = _gold_names((shared / "devset" / "gold").glob("*.tasks.yaml"))
    assert names
    assert [n for n in sorted(names) if agencies.lookup(n) is None] == []


def test_a_name_split_by_an_unquoted_yaml_comma_is_refused():
    import pydantic

    from pipeline.agencies import AgencyEntry

    with pytest.raises(pydantic.ValidationError, match="quote a name that holds a comma"):
        AgencyEntry.model_validate({"id": "cong_an_tinh", "name": "Công an tỉnh", "level": "province",
                                    "variants": ["Công an tỉnh", "thành phố"]})
    assert agencies.lookup("Công an tỉnh, thành phố").id == "cong_an_tinh"
    assert getattr(agencies.lookup("Thành phố"), "id", None) != "cong_an_tinh"


def test_a_code_inside_a_number_is_no_abbreviation():
    # a name that quotes a plan ("Các sở, ngành đã được giao nhiệm vụ tại Kế hoạch số 10/KH-UBND") keeps its số hiệu
    assert agencies.expand_abbreviations("Kế hoạch số 10/KH-UBND của UBND tỉnh, Văn bản số 7/UBND-KT") == \
        "Kế hoạch số 10/KH-UBND của Ủy ban nhân dân tỉnh, Văn bản số 7/UBND-KT"


def test_a_long_name_ocr_misread_by_one_letter_is_its_body():
    # "TONG CYC THUE" (Ụ read as Y, marks lost) in an OCR'd letter of the Tổng cục Thuế; marks alone never mattered
    assert agencies.lookup("TONG CYC THUE").id == "tong_cuc_thue"
    assert agencies.lookup("Tổng cyc Thuế các tỉnh").id == "tong_cuc_thue"
    assert agencies.lookup("Ủy ban nhân dân cắp xã").id == "ubnd_cap_xa"
    assert agencies.lookup("Bộ Tài chinh").id == "bo_tai_chinh"


def test_ocr_tolerance_never_moves_a_body_onto_another():
    assert agencies.lookup("Bộ Tài chính").id == "bo_tai_chinh"
    assert agencies.lookup("Bộ Tư pháp").id == "bo_tu_phap"
    # a short phrase is too close to ordinary words: "thị tường" (OCR for "thị trường") is no "Thủ tướng"
    assert agencies.lookup("thị tường") is None
    # and a name one confusion away from two registered bodies names neither
    registry = Registry(AgencyRules(agencies=[
        {"id": "a", "name": "Cục Quản lý thị trường", "level": "central"},
        {"id": "b", "name": "Cyc Quản lu thị trường", "level": "central"},
    ]), AgencyMap(counterparts=[]), confusions=(("y", "u"),), min_letters=10)
    assert registry.lookup("Cuc Quan ly thi truong").id == "a"
    assert registry.lookup("Cyc Quan ly thi truong") is None


def test_no_two_registered_bodies_are_one_ocr_confusion_apart():
    # the tolerance could only map one real body onto another if two registered names were that close
    registry = agencies.registry()
    forms = registry._forms
    for form, agency_id in forms.items():
        if len(form.replace(" ", "")) >= registry._min_letters:
            assert {forms[f] for f in registry._misread(form) if f in forms} <= {agency_id}, form
            assert registry.lookup(form).id == agency_id


@pytest.mark.parametrize("printed, expected, level", [
    # a ministry's own units: the ministry's own duty
    ("Cục Biến đổi khí hậu", "don_vi_thuoc_bo", "central"),
    ("Cục trưởng Cục Lâm nghiệp và Kiểm lâm", "don_vi_thuoc_bo", "central"),
    ("Vụ trưởng Vụ Pháp chế", "don_vi_thuoc_bo", "central"),
    ("Viện Chiến lược, Chính sách tài nguyên và môi trường", "don_vi_thuoc_bo", "central"),
    ("Chánh Văn phòng Bộ", "don_vi_thuoc_bo", "central"),
    # a unit named with a place is a local body, not a ministry's own: registered ("Cục Quản lý thị trường tỉnh …", the
    # province's market surveillance) or not
    ("Cục Quản lý thị trường tỉnh Hà Giang", "quan_ly_thi_truong_tinh", "province"),
    ("Viện Quy hoạch xây dựng tỉnh Lào Cai", None, None),
    # state groups and corporations, their boards
    ("các tập đoàn kinh tế, tổng công ty nhà nước", "tap_doan_tong_cong_ty", "other"),
    ("Tổng giám đốc các tập đoàn, tổng công ty nhà nước", "tap_doan_tong_cong_ty", "other"),
    ("Chủ tịch Hội đồng thành viên", "tap_doan_tong_cong_ty", "other"),
    ("Chủ tịch Hội đồng quản trị các ngân hàng thương mại", "tap_doan_tong_cong_ty", "other"),
    # associations, press, institutes
    ("Chủ tịch Hiệp hội Doanh nghiệp nhỏ và vừa", "hiep_hoi", "other"),
    ("các hội nghề nghiệp về xây dựng", "hiep_hoi", "other"),
    ("Báo Nhân Dân", "bao_chi", "other"),
    ("Tạp chí Công Thương", "bao_chi", "other"),
    ("các viện nghiên cứu, trường đại học", "vien_truong", "other"),
    # a council, an insurance body, a civil servant are none of these
    ("Hội đồng nhân dân tỉnh", "hdnd_tinh", "province"),
    ("Hội Nông dân tỉnh", "hoi_nong_dan_tinh", "province"),
    ("Bảo hiểm xã hội Việt Nam", "bao_hiem_xa_hoi_viet_nam", "central"),
    ("Bảo hiểm xã hội cấp huyện", None, None),
    ("viên chức", None, None),
    # "Chủ tịch" alone is a People's Committee's chairman; of an unknown body, nobody registered
    ("Chủ tịch", "chu_tich_ubnd", "generic"),
    ("các Chủ tịch", "chu_tich_ubnd", "generic"),
    ("Chủ tịch Ủy ban nhân dân cấp xã", "ubnd_cap_xa", "commune"),
    ("Chủ tịch nước", "chu_tich_nuoc", "central"),
    # a central body followed by the provinces is its provincial branch
    ("Cục Thuế các tỉnh, thành phố", "cuc_thue_tinh", "province"),
    ("Cục trưởng Cục Thuế các tỉnh, thành phố trực thuộc Trung ương", "cuc_thue_tinh", "province"),
    ("Cục Thuế tỉnh Bắc Giang", "cuc_thue_tinh", "province"),
    ("Kho bạc Nhà nước các tỉnh", "kho_bac_nha_nuoc_tinh", "province"),
    ("Cục Thuế", "tong_cuc_thue", "central"),
    ("Ủy ban nhân dân các tỉnh biên giới", "ubnd_cac_tinh", "province"),
])
def test_open_families_of_named_bodies(printed, expected, level):
    found = agencies.lookup(printed)
    assert (found.id if found else None) == expected
    assert (found.level if found else None) == level
    assert found is None or found.locality == (level in ("province", "district", "commune", "generic"))


def test_national_steering_committees_and_their_provincial_counterparts():
    body = agencies.lookup("Ủy ban quốc gia về Chuyển đổi số")
    assert (body.id, body.level, body.kind) == ("uy_ban_qg_chuyen_doi_so", "central", "national_body")
    assert agencies.lookup("Ban Chỉ đạo Trung ương về phòng chống tham nhũng, tiêu cực").id == "ban_chi_dao_tw_pctn"
    assert agencies.counterparts("uy_ban_an_toan_giao_thong_quoc_gia") == ["ban_an_toan_giao_thong_tinh"]
    assert agencies.counterparts("ban_chi_dao_phong_thu_dan_su") == ["ban_chi_huy_phong_thu_dan_su_tinh"]
    assert agencies.lookup("Ban Chỉ đạo 389 tỉnh Lào Cai").id == "ban_chi_dao_389_tinh"
    # a body on a topic that is not listed is a national one by its family; a provincial one is none
    other = agencies.lookup("Ban Chỉ đạo Nhà nước về du lịch")
    assert (other.id, other.level) == ("co_quan_quoc_gia_theo_chuyen_de", "central")
    assert agencies.lookup("Ban Chỉ đạo liên ngành về du lịch tỉnh").level != "central"


def _roles(text):
    from pipeline.extract import read_task_roles

    roles = read_task_roles(text)
    return ([(m.text, m.canonical) for m in roles.leads], [(m.text, m.canonical) for m in roles.coordinators])


def test_villages_and_residential_groups_below_the_commune():
    # the units a commune's residents run themselves, and their heads: level "village", reaching the localities
    for printed, expected in (("các thôn, tổ dân phố", "thon_to_dan_pho"), ("các thôn ấp, tổ dân phố", "thon_to_dan_pho"),
                              ("Các thôn, bản", "thon_to_dan_pho"), ("Tổ dân phố", "thon_to_dan_pho"),
                              ("Trưởng thôn", "truong_thon"), ("Trưởng thôn ấp", "truong_thon"), ("Trưởng bản", "truong_thon"),
                              ("Tổ trưởng các tổ dân phố", "to_truong_to_dan_pho")):
        found = agencies.lookup(printed)
        assert (found.id, found.level, found.locality) == (expected, "village", True), printed
    # a bare "thôn", "bản" is a word of another ("nông thôn", "văn bản"), never a name
    assert agencies.exact("thôn") is None and agencies.exact("bản") is None and agencies.exact("nông thôn") is None
    leads = _roles("Căn cứ Quyết định số 22/2013/QĐ-TTg, các thôn, tổ dân phố tổ chức họp dân phổ biến chính sách. "
                   "Trưởng thôn, Tổ trưởng tổ dân phố lập danh sách các hộ gửi Ủy ban nhân dân xã.")[0]
    assert leads == [("các thôn, tổ dân phố", "thon_to_dan_pho"), ("Trưởng thôn", "truong_thon"),
                     ("Tổ trưởng tổ dân phố", "to_truong_to_dan_pho")]
    assert _roles("Xây dựng nông thôn mới ở các xã đặc biệt khó khăn; ban hành văn bản hướng dẫn.")[0] == []


def test_the_groups_residents_run_themselves_are_actors_of_the_village_level():
    # a plan hands its last step to the self-managed teams and clubs of a thôn as to the thôn: they were no one
    assert _roles("Các tổ tự quản tổ chức vệ sinh môi trường hằng tuần.")[0] == [
        ("Các tổ tự quản", "to_tu_quan_cong_dong")]
    assert _roles("Ủy ban nhân dân xã chủ trì, phối hợp với các tổ dân phố, các câu lạc bộ tổ chức tuyên truyền.")[1] \
        == [("các tổ dân phố", "thon_to_dan_pho"), ("các câu lạc bộ", "to_tu_quan_cong_dong")]
    found = agencies.lookup("các tổ hòa giải ở cơ sở")
    assert (found.id, found.level, found.locality) == ("to_tu_quan_cong_dong", "village", True)
    # set up by the plan, they are its object
    assert _roles("Ủy ban nhân dân xã thành lập các câu lạc bộ phòng, chống bạo lực gia đình.")[0] == [
        ("Ủy ban nhân dân xã", "ubnd_xa")]


def test_a_district_s_own_offices_are_one_family_of_the_district_level():
    # "phòng … cấp huyện", "Phòng … các huyện": the offices of a district's People's Committee, reaching the localities
    # as the district does; a "Phòng" of a provincial body is none of them
    for printed in ("phòng Lao động - Thương binh và Xã hội cấp huyện", "các phòng chuyên môn cấp huyện",
                    "Phòng Tài chính - Kế hoạch các huyện", "Phòng Giáo dục và Đào tạo huyện Mai Sơn",
                    "Phòng Tài nguyên và Môi trường các huyện, thành phố"):
        found = agencies.lookup(printed)
        assert (found.id, found.level, found.locality) == ("phong_chuyen_mon_cap_huyen", "district", True), printed
    assert agencies.lookup("Phòng Cảnh sát kinh tế, Công an tỉnh") is None
    # … or by the name the decrees on the district's offices give one, which no provincial body bears; the commune's
    # offices of 2025 are none of them
    for printed in ("Phòng Lao động - Thương binh và Xã hội", "Phòng Tài chính - Kế hoạch", "Phòng Tư pháp"):
        assert agencies.lookup(printed).id == "phong_chuyen_mon_cap_huyen", printed
    assert agencies.lookup("Phòng Kinh tế") is None
    # a decree's duty of the district (or of the localities) is carried out by the district's offices, as by the district
    for central in ("ubnd_cap_huyen", "ubnd_cac_tinh", "cac_dia_phuong"):
        assert agencies.is_counterpart(central, "phong_chuyen_mon_cap_huyen"), central
    leads = _roles("Giao Sở Y tế, phòng Y tế cấp huyện phối hợp với các ban ngành chức năng rà soát danh sách.")[0]
    assert leads == [("Sở Y tế", "so_y_te"), ("phòng Y tế cấp huyện", "phong_chuyen_mon_cap_huyen")]


def test_military_regions_are_the_ministry_of_defence_s_own_commands():
    # "quân khu" folds like "quận" (a district): the military regions are no localities, and no province body
    # carries out their tasks
    for printed in ("Các quân khu", "Tư lệnh các quân khu", "Quân khu 7", "Bộ Tư lệnh Quân khu 9"):
        found = agencies.lookup(printed)
        assert (found.id, found.level, found.locality) == ("quan_khu", "central", False), printed
    assert agencies.counterparts("quan_khu") == []
    assert agencies.lookup("các quận").id == "cac_dia_phuong"
    assert agencies.lookup("Tư lệnh Bộ đội Biên phòng").id == "bo_tu_lenh_bdbp"
    assert agencies.lookup("Bộ Tư lệnh Thủ đô").id == "bo_chi_huy_quan_su_tinh"
    assert _roles("Tư lệnh các quân khu; Chủ tịch Ủy ban nhân dân các tỉnh chủ trì thực hiện.")[0] == [
        ("Tư lệnh các quân khu", "quan_khu"), ("Chủ tịch Ủy ban nhân dân các tỉnh", "ubnd_cac_tinh")]
    assert _roles("Bộ Quốc phòng chủ trì, phối hợp với các quân khu, các tỉnh tổ chức tìm kiếm.")[1] == [
        ("các quân khu", "quan_khu"), ("các tỉnh", "cac_dia_phuong")]


def test_veterans_association_at_the_centre_and_at_every_level():
    # a plan of a national steering committee lists the association's central committee among its leads, and the
    # association "các cấp" (every level) among its partners: in a province, the provincial association
    assert agencies.lookup("Trung ương Hội Cựu chiến binh Việt Nam").id == "hoi_cuu_chien_binh_vn"
    every = agencies.lookup("Hội Cựu chiến binh các cấp")
    assert (every.id, every.level, every.locality, every.kind) == ("hoi_ccb_cac_cap", "generic", True, "mass")
    assert agencies.counterparts("hoi_ccb_cac_cap") == ["hoi_ccb_tinh"]
    for printed, expected in (("Đoàn Thanh niên Cộng sản Hồ Chí Minh các cấp", "tinh_doan"),
                              ("Hội Liên hiệp Phụ nữ các cấp", "hoi_lhpn_tinh"), ("Hội Nông dân các cấp", "hoi_nong_dan_tinh"),
                              ("Công đoàn các cấp", "lien_doan_lao_dong_tinh")):
        assert agencies.counterparts(agencies.lookup(printed).id) == [expected], printed
    # named bare, as "Mặt trận Tổ quốc" is, a mass organisation of its document's level, no association of no authority
    for printed, expected in (("Hội Cựu chiến binh", "hoi_ccb"), ("Hội Phụ nữ", "hoi_lhpn"), ("Hội Nông dân", "hoi_nong_dan"),
                              ("Đoàn Thanh niên Cộng sản Hồ Chí Minh", "doan_thanh_nien"), ("Hội Phụ nữ tỉnh", "hoi_lhpn_tinh")):
        found = agencies.lookup(printed)
        assert (found.id, found.locality, found.kind) == (expected, True, "mass"), printed
    assert agencies.counterparts("hoi_ccb") == ["hoi_ccb_tinh"]
    assert agencies.lookup("Hội Doanh nghiệp tỉnh").id == "hiep_hoi"
    leads, coordinators = _roles("Bộ Quốc phòng chủ trì, phối hợp với Trung ương Hội Cựu chiến binh Việt Nam, "
                                 "Hội Cựu chiến binh các cấp thu thập thông tin về liệt sĩ.")
    assert leads == [("Bộ Quốc phòng", "bo_quoc_phong")]
    assert coordinators == [("Trung ương Hội Cựu chiến binh Việt Nam", "hoi_cuu_chien_binh_vn"),
                            ("Hội Cựu chiến binh các cấp", "hoi_ccb_cac_cap")]


def test_the_fatherland_front_at_its_levels():
    # the Front's committee is named with its level as the People's Committee is ("Ủy ban Mặt trận Tổ quốc Việt Nam
    # tỉnh …", "… tỉnh Điện Biên" without "Việt Nam"), or bare where its document gives the level
    for printed, expected in (("Ủy ban Mặt trận Tổ quốc Việt Nam tỉnh Lào Cai", ("uy_ban_mttq_tinh", "province")),
                              ("Ủy ban Mặt trận Tổ quốc tỉnh Điện Biên", ("uy_ban_mttq_tinh", "province")),
                              ("Mặt trận Tổ quốc Việt Nam tỉnh", ("uy_ban_mttq_tinh", "province")),
                              ("Ủy ban MTTQ tỉnh", ("uy_ban_mttq_tinh", "province")),
                              ("Mặt trận Tổ quốc Việt Nam huyện", ("uy_ban_mttq_huyen", "district")),
                              ("Ủy ban Mặt trận Tổ quốc các xã, phường", ("uy_ban_mttq_xa", "commune")),
                              ("Mặt trận Tổ quốc cấp xã", ("uy_ban_mttq_xa", "commune")),
                              ("Ủy ban Mặt trận Tổ quốc các cấp", ("uy_ban_mttq_cac_cap", "generic")),
                              ("Mặt trận Tổ quốc các cấp", ("uy_ban_mttq_cac_cap", "generic")),
                              ("Mặt trận Tổ quốc", ("uy_ban_mttq", "generic")),
                              ("Ủy ban Mặt trận Tổ quốc", ("uy_ban_mttq", "generic")),
                              ("Ủy ban Trung ương Mặt trận Tổ quốc Việt Nam", ("uy_ban_tw_mttq", "central"))):
        found = agencies.lookup(printed)
        assert (found.id, found.level) == expected, printed
        assert found.locality == (expected[1] != "central"), printed
    # at every level, or of no level: in a province, its committees of the province and below
    for every in ("uy_ban_mttq_cac_cap", "uy_ban_mttq"):
        assert agencies.counterparts(every) == ["uy_ban_mttq_tinh", "uy_ban_mttq_huyen", "uy_ban_mttq_xa"]
    assert _roles("Sở Nội vụ chủ trì, phối hợp với Ủy ban Mặt trận Tổ quốc tỉnh tổ chức lấy ý kiến.")[1] == [
        ("Ủy ban Mặt trận Tổ quốc tỉnh", "uy_ban_mttq_tinh")]


def test_a_province_s_steering_committee_named_by_its_level():
    for printed in ("Ban Chỉ đạo các tỉnh", "Ban Chỉ đạo cấp tỉnh", "Ban Chỉ đạo tỉnh", "Ban Chỉ đạo ở các tỉnh",
                    "Ban Chỉ đạo 1237 cấp tỉnh", "Ban Chỉ đạo các tỉnh, thành phố trực thuộc Trung ương"):
        found = agencies.lookup(printed)
        assert (found.id, found.level, found.locality) == ("ban_chi_dao_cap_tinh", "province", True), printed
    # one named by its topic keeps its own entry; a national one and one set up by a plan are none
    assert agencies.lookup("Ban Chỉ đạo 389 tỉnh").id == "ban_chi_dao_389_tinh"
    assert agencies.lookup("Ban Chỉ đạo quốc gia").id == "co_quan_quoc_gia_theo_chuyen_de"
    assert agencies.lookup("Ban Chỉ đạo thực hiện hỗ trợ nhà ở").id == "cac_co_quan_don_vi"
    # "tinh giản", "tinh gọn" fold as "tỉnh" does: in a name written with its tones they name no province
    assert agencies.lookup("Ban Chỉ đạo tinh giản biên chế").id == "cac_co_quan_don_vi"
    assert agencies.lookup("Ban Chỉ đạo tinh gọn bộ máy của huyện").id == "ban_chi_dao_cap_huyen"  # (the district's)
    assert agencies.lookup("Ban Chi dao tinh").id == "ban_chi_dao_cap_tinh"  # (printed without tones: as before)
    # one named by its topic and then its level, at the end of its name or before the province's name, as "… cấp tỉnh"
    for printed in ("Ban Chỉ đạo phòng, chống thiên tai tỉnh", "Ban Chỉ đạo giảm nghèo bền vững tỉnh Lào Cai",
                    "Ban Chỉ đạo các chương trình mục tiêu quốc gia tỉnh"):
        assert agencies.lookup(printed).id == "ban_chi_dao_cap_tinh", printed
    for printed in ("Ban Chỉ đạo phòng chống lụt bão huyện", "Ban Chỉ đạo giảm nghèo huyện Bát Xát"):
        assert agencies.lookup(printed).id == "ban_chi_dao_cap_huyen", printed
    assert _roles("Ban Chỉ đạo phòng, chống thiên tai tỉnh chủ trì, phối hợp với các sở, ngành kiểm tra.")[0] == [
        ("Ban Chỉ đạo phòng, chống thiên tai tỉnh", "ban_chi_dao_cap_tinh")]


def test_a_district_s_and_a_commune_s_steering_committee_named_by_their_level():
    # as the province's ("Ban Chỉ đạo cấp tỉnh"): by the level alone, with the decision's number, or after their topic
    # ("Ban Chỉ đạo xã" in a commune's letters, "… thi cấp tỉnh" in a ministry's instructions); they were the catch-all
    for printed, expected in (("Ban Chỉ đạo cấp huyện", ("ban_chi_dao_cap_huyen", "district")),
                              ("Ban Chỉ đạo các huyện, thị xã, thành phố", ("ban_chi_dao_cap_huyen", "district")),
                              ("Ban Chỉ đạo 1237 cấp huyện", ("ban_chi_dao_cap_huyen", "district")),
                              ("Ban Chỉ đạo cấp xã", ("ban_chi_dao_cap_xa", "commune")),
                              ("các Ban Chỉ đạo cấp xã", ("ban_chi_dao_cap_xa", "commune")),
                              ("Ban Chỉ đạo xã", ("ban_chi_dao_cap_xa", "commune")),
                              ("Ban Chỉ đạo các xã, phường", ("ban_chi_dao_cap_xa", "commune")),
                              ("Ban Chỉ đạo xây dựng nông thôn mới cấp xã", ("ban_chi_dao_cap_xa", "commune")),
                              ("Các Ban Chỉ đạo thi cấp tỉnh", ("ban_chi_dao_cap_tinh", "province"))):
        found = agencies.lookup(printed)
        assert (found.id, found.level, found.locality) == (*expected, True), printed
    # "xã hội" is no commune; a committee of no level is still the catch-all
    assert agencies.lookup("Ban Chỉ đạo xã hội hóa giáo dục").id == "cac_co_quan_don_vi"
    assert _roles("Ban Chỉ đạo cấp huyện chủ trì, phối hợp với Ban Chỉ đạo cấp xã kiểm tra việc thực hiện.") == (
        [("Ban Chỉ đạo cấp huyện", "ban_chi_dao_cap_huyen")], [("Ban Chỉ đạo cấp xã", "ban_chi_dao_cap_xa")])


def test_the_board_of_industrial_parks_and_economic_zones_by_the_statutes_words():
    # a decree names the province's board by its whole remit ("Ban quản lý khu công nghiệp, khu chế xuất, khu kinh tế",
    # NĐ 25/2026 34.2.h, a body the approved plan is sent to): the board of the economic zones, not "các cơ quan, đơn vị"
    for printed in ("Ban quản lý khu công nghiệp, khu chế xuất, khu kinh tế", "Ban Quản lý các khu công nghiệp tỉnh",
                    "BQL khu công nghiệp", "Ban Quản lý Khu kinh tế tỉnh"):
        found = agencies.lookup(printed)
        assert (found.id, found.level) == ("ban_quan_ly_khu_kinh_te", "province"), printed
    assert agencies.lookup("ban quản lý dự án").id == "cac_co_quan_don_vi"


def test_the_province_s_disease_control_centre_and_the_commune_s_health_station():
    # every province has a Trung tâm Kiểm soát bệnh tật under its Sở Y tế, every commune a Trạm Y tế: a health plan has
    # them lead ("Trung tâm Kiểm soát bệnh tật tỉnh chủ trì …") or directs them ("… hướng dẫn Trạm Y tế các xã, phường");
    # they were the catch-all and nothing
    for printed, expected in (("Trung tâm Kiểm soát bệnh tật tỉnh", ("trung_tam_kiem_soat_benh_tat_tinh", "province")),
                              ("Trung tâm Kiểm soát bệnh tật", ("trung_tam_kiem_soat_benh_tat_tinh", "province")),
                              ("Trung tâm Kiểm soát bệnh tật thành phố", ("trung_tam_kiem_soat_benh_tat_tinh", "province")),
                              ("Trạm Y tế các xã, phường", ("tram_y_te_xa", "commune")),
                              ("Trạm Y tế xã khu vực biên giới", ("tram_y_te_xa", "commune"))):
        found = agencies.lookup(printed)
        assert (found.id, found.level, found.locality) == (*expected, True), printed
    assert _roles("Trung tâm Kiểm soát bệnh tật tỉnh chủ trì, phối hợp với Trạm Y tế các xã giám sát dịch bệnh.") == (
        [("Trung tâm Kiểm soát bệnh tật tỉnh", "trung_tam_kiem_soat_benh_tat_tinh")],
        [("Trạm Y tế các xã", "tram_y_te_xa")])


def test_a_ministry_s_specialised_body_is_its_own_unit():
    # the decrees call a ministry's Cục or Vụ "cơ quan chuyên môn thuộc Bộ …" ("thủ trưởng cơ quan chuyên môn thuộc Bộ",
    # NĐ 180/2026): the ministry's own unit, as "Cục …" is, not the catch-all; the province's are its departments' kind
    for printed in ("cơ quan chuyên môn thuộc Bộ Nông nghiệp và Phát triển nông thôn", "thủ trưởng cơ quan chuyên môn "
                    "thuộc Bộ", "các cơ quan chuyên môn trực thuộc Bộ Tài chính"):
        found = agencies.lookup(printed)
        assert (found.id, found.level) == ("don_vi_thuoc_bo", "central"), printed
    assert agencies.lookup("cơ quan chuyên môn trực thuộc").id == "cac_co_quan_don_vi"
    # the province's are its departments (the law on local government; NĐ 181/2024 11.1, NĐ 180/2026 8.1.c), which were
    # "các bộ, ngành và địa phương"; a list of both stays that
    for printed in ("cơ quan chuyên môn thuộc Ủy ban nhân dân cấp tỉnh", "Cơ quan chuyên môn cấp tỉnh",
                    "các cơ quan chuyên môn thuộc Ủy ban nhân dân các tỉnh, thành phố trực thuộc trung ương",
                    "thủ trưởng cơ quan chuyên môn cấp tỉnh"):
        found = agencies.lookup(printed)
        assert (found.id, found.level) == ("cac_so_ban_nganh", "province"), printed
    assert agencies.lookup("các bộ, ngành và địa phương liên quan").id == "cac_bo_nganh_dia_phuong"


def test_households_and_forest_owners_are_those_a_statute_regulates():
    # "Hộ gia đình, cá nhân có trách nhiệm phân loại chất thải …" (the environment law), "Chủ rừng là tổ chức …" (NĐ 180):
    # the people and owners a statute puts duties on, as "tổ chức, cá nhân" (they resolved to nothing)
    for printed in ("Hộ gia đình, cá nhân", "các hộ gia đình", "Chủ rừng là tổ chức", "chủ rừng"):
        found = agencies.lookup(printed)
        assert (found.id, found.locality) == ("to_chuc_ca_nhan", False), printed


def test_a_title_that_ends_with_the_unit_it_heads():
    # "Trưởng Ban Tuyên giáo Tỉnh ủy" heads the "Ban Tuyên giáo Tỉnh ủy" (rules/agencies.yaml title_units): the rest alone
    # named nothing, and the name fell to "Trưởng bản" (a village head, folded alike)
    for printed, expected in (("Trưởng Ban Tuyên giáo Tỉnh ủy", "ban_tuyen_giao_tinh_uy"),
                              ("Trưởng ban Dân tộc tỉnh", "ban_dan_toc_tinh"),
                              ("Trưởng Ban Chỉ đạo cấp tỉnh", "ban_chi_dao_cap_tinh"),
                              ("Trưởng ban Quản lý Khu kinh tế tỉnh", "ban_quan_ly_khu_kinh_te"),
                              ("Trưởng phòng Tài chính - Kế hoạch các huyện", "phong_chuyen_mon_cap_huyen"),
                              # the village head is still read where no unit follows
                              ("Trưởng bản", "truong_thon"), ("Trưởng bản Nậm Pồ", "truong_thon")):
        assert agencies.lookup(printed).id == expected, printed
    # a board no entry names is no village head: "Trưởng bản" folds alike, and is matched with its tones only
    for printed in ("Trưởng Ban Thường vụ", "Trưởng Ban Dân vận huyện", "Trưởng Ban"):
        assert agencies.lookup(printed) is None, printed
    assert agencies.exact("Trưởng bản").id == "truong_thon" and agencies.exact("Trưởng ban") is None
    assert _roles("Sở Nội vụ chủ trì, phối hợp với Trưởng Ban Tuyên giáo Tỉnh ủy tổ chức quán triệt.")[1] == [
        ("Trưởng Ban Tuyên giáo Tỉnh ủy", "ban_tuyen_giao_tinh_uy")]


def test_provincial_and_commune_bodies_by_their_usual_names():
    # names real letters and lists print that the registry missed: the Front's committee of a ward ("Ủy ban MTTQ Việt Nam
    # phường …", was the Front of no level), the province's youth union by its full name, its radio and television
    # with a dash, "Đoàn ĐBQH" written short, market surveillance, forest rangers, a commune's military command
    for printed, expected in (("Ủy ban MTTQ Việt Nam phường", ("uy_ban_mttq_xa", "commune")),
                              ("Ủy ban Mặt trận Tổ quốc các phường", ("uy_ban_mttq_xa", "commune")),
                              ("Đoàn Thanh niên Cộng sản Hồ Chí Minh tỉnh", ("tinh_doan", "province")),
                              ("Đài Phát thanh - Truyền hình tỉnh", ("dai_phat_thanh_truyen_hinh_tinh", "province")),
                              ("Văn phòng Đoàn ĐBQH và HĐND tỉnh", ("van_phong_doan_dbqh_hdnd_tinh", "province")),
                              ("Chi cục QLTT tỉnh", ("quan_ly_thi_truong_tinh", "province")),
                              ("Chi cục Kiểm lâm", ("chi_cuc_kiem_lam_tinh", "province")),
                              ("Ban Chỉ huy Quân sự xã, phường, thị trấn", ("ban_chi_huy_quan_su_xa", "commune"))):
        found = agencies.lookup(printed)
        assert (found.id, found.level, found.locality) == (*expected, True), printed
    assert agencies.lookup("Tổng cục Quản lý thị trường").id == "don_vi_thuoc_bo"


def test_a_plural_marker_before_a_registered_name_is_no_part_of_it():
    # "các", "những" (rules/roles.yaml articles) before a body's name make it plural, not another name: "các Ủy ban
    # nhân dân các cấp" are "Ủy ban nhân dân các cấp" (the lookup found nothing), "các Sở Y tế" are Sở Y tế as the
    # extraction reads them (the lookup said "các sở, ban, ngành"); a registered form with its "Các" and the family
    # patterns stay as they were
    for printed, expected in (("các Ủy ban nhân dân các cấp", "ubnd_cac_cap"), ("Các UBND các cấp", "ubnd_cac_cap"),
                              ("các Hội đồng nhân dân các cấp", "hdnd_cac_cap"),
                              ("những Ủy ban nhân dân cấp xã", "ubnd_cap_xa"),
                              ("các Ủy ban nhân dân cấp huyện biên giới", "ubnd_cap_huyen"),
                              ("Các Chủ tịch Ủy ban nhân dân cấp tỉnh", "ubnd_cap_tinh"),
                              ("các Sở Y tế", "so_y_te"), ("Giám đốc các Sở Y tế", "so_y_te"),
                              ("Các thôn, bản", "thon_to_dan_pho"), ("các Bộ, ngành liên quan", "cac_bo_nganh"),
                              ("Các Bộ trưởng", "bo_truong_thu_truong"), ("các Ban Chỉ đạo các cấp", "ban_chi_dao_cac_cap")):
        assert agencies.lookup(printed).id == expected, printed
    # linking reads a lead by its printed name: a duty of "các Ủy ban nhân dân các cấp" is one of the committees of
    # every level
    from pipeline.linking.agency import holder_levels
    from pipeline.model import Mention, Span, Task

    task = Task(doc="x", id="1", label="1.", text="Các Ủy ban nhân dân các cấp tổ chức tuyên truyền.",
                span=Span(1, 1, 0, 49), leads=[Mention(text="Các Ủy ban nhân dân các cấp", canonical="ubnd_cac_cap")])
    assert holder_levels(task, "local_government") == {"generic"}


def test_steering_committees_at_every_level_are_a_group_of_every_level():
    # a province's programme asks to complete "bộ máy Ban Chỉ đạo các cấp" (the committees from province to commune),
    # as "Ủy ban nhân dân các cấp": a generic group reaching the localities, in a province its own committee
    for printed in ("Ban Chỉ đạo các cấp", "Ban chỉ đạo các cấp", "các Ban Chỉ đạo các cấp", "Ban Chỉ đạo ở các cấp"):
        found = agencies.lookup(printed)
        assert (found.id, found.level, found.locality) == ("ban_chi_dao_cac_cap", "generic", True), printed
    # in a province, its own committees: the province's, the districts' (before 2025) and the communes'
    assert agencies.counterparts("ban_chi_dao_cac_cap") == ["ban_chi_dao_cap_tinh", "ban_chi_dao_cap_huyen",
                                                             "ban_chi_dao_cap_xa"]
    assert agencies.lookup("Ban Chỉ đạo cấp tỉnh").id == "ban_chi_dao_cap_tinh"
    assert _roles("Sở Nội vụ phối hợp với Ban Chỉ đạo các cấp kiểm tra việc thực hiện.")[1] == [
        ("Ban Chỉ đạo các cấp", "ban_chi_dao_cac_cap")]


def test_a_military_region_s_steering_committee_is_the_region_s_own_body():
    # a national steering committee's plan (real case: KH 252/KH-BCĐQG1237, 2013) has the regions' committees act
    # beside the provinces' ("Ban Chỉ đạo các quân khu, các tỉnh …"): no locality, no province body carries it out
    for printed in ("Ban Chỉ đạo các quân khu", "Ban Chỉ đạo cấp quân khu", "Ban Chỉ đạo ở các quân khu"):
        found = agencies.lookup(printed)
        assert (found.id, found.level, found.locality) == ("ban_chi_dao_quan_khu", "central", False), printed
    assert agencies.counterparts("ban_chi_dao_quan_khu") == []
    assert agencies.lookup("Quân khu 7").id == "quan_khu"


@pytest.mark.parametrize("printed, expected", [
    # health facilities and national parks carry out work and are no authority of a level (they were unregistered,
    # or the catch-all "các cơ quan, đơn vị" through "Trung tâm …")
    ("Bệnh viện Đa khoa tỉnh", "co_so_y_te"),
    ("các bệnh viện", "co_so_y_te"),
    ("Trung tâm Y tế các huyện", "co_so_y_te"),
    ("các cơ sở khám bệnh, chữa bệnh", "co_so_y_te"),
    ("Vườn quốc gia Hoàng Liên", "vuon_quoc_gia"),
    # named health bodies of a level keep their entries
    ("Trung tâm Kiểm soát bệnh tật tỉnh", "trung_tam_kiem_soat_benh_tat_tinh"),
    ("Trạm Y tế xã", "tram_y_te_xa"),
])
def test_health_facilities_and_national_parks(printed, expected):
    found = agencies.lookup(printed)
    assert found.id == expected
    assert found.locality == (expected not in ("co_so_y_te", "vuon_quoc_gia"))


def test_party_committees_of_the_district_and_a_deputy_secretary():
    # "Huyện ủy", "Thị ủy", "Quận ủy" (ended with the district level in 2025) were the catch-all or nothing
    for printed in ("Huyện ủy", "Thị ủy", "Quận ủy", "các Huyện ủy, Thị ủy, Thành ủy"):
        found = agencies.lookup(printed)
        assert (found.id, found.level, found.kind) == ("huyen_uy", "district", "party"), printed
    assert agencies.lookup("Thành ủy").id == "tinh_uy"
    # a deputy secretary is a title, as the secretary is
    assert agencies.lookup("Phó Bí thư Tỉnh ủy").id == "tinh_uy"
    assert agencies.lookup("Phó Bí thư Thường trực Tỉnh ủy").id == "ban_thuong_vu_tinh_uy"


def test_the_party_s_organ_in_a_state_body_is_read_as_that_body_and_local_authorities_of_every_level():
    # a Politburo resolution gives its tasks to the Party's organ inside a state body (before 2025), which leads that
    # body's work: they were read as no body at all; read as the body, as a standing organ is (rules/agencies.yaml titles)
    for printed, expected in (("Ban cán sự đảng Chính phủ", "chinh_phu"), ("Đảng đoàn Quốc hội", "quoc_hoi"),
                              ("Ban cán sự đảng Bộ Y tế", "bo_y_te"),
                              ("Ban cán sự đảng Ủy ban nhân dân tỉnh", "ubnd_tinh")):
        assert agencies.lookup(printed).id == expected, printed
    assert _roles("Ban cán sự đảng Bộ Xây dựng chủ trì, phối hợp với các cơ quan có liên quan theo dõi việc thực hiện.")[0] \
        == [("Ban cán sự đảng Bộ Xây dựng", "bo_xay_dung")]
    assert _roles("Đảng đoàn Quốc hội lãnh đạo việc hoàn thiện pháp luật về đất đai.")[0] == [
        ("Đảng đoàn Quốc hội", "quoc_hoi")]
    # the local authorities of every level, named as one group in a list parted by ";"
    leads = _roles("Trong năm 2024, các bộ, ngành; các cấp chính quyền địa phương; các doanh nghiệp nhà nước hoàn thành "
                   "việc phổ biến nghị quyết.")[0]
    assert ("các cấp chính quyền địa phương", "cac_cap_chinh_quyen") in leads
    assert agencies.lookup("chính quyền địa phương các cấp").locality


def test_a_ministry_s_units_named_as_a_group_are_its_own_units():
    # "các cơ quan, đơn vị (có liên quan) thuộc Bộ …": the ministry's own units, as "Cục …", "Vụ …" are; with a place
    # they are a province's, and the ministry's "bộ phận" is no ministry
    for printed in ("các cơ quan, đơn vị thuộc Bộ Công Thương", "các đơn vị có liên quan thuộc Bộ Tài nguyên và Môi trường",
                    "Thủ trưởng các đơn vị thuộc Bộ"):
        found = agencies.lookup(printed)
        assert (found.id, found.level) == ("don_vi_thuoc_bo", "central"), printed
    assert agencies.lookup("các đơn vị thuộc Sở Y tế tỉnh").id != "don_vi_thuoc_bo"
    assert agencies.lookup("các đơn vị thuộc bộ phận một cửa").id != "don_vi_thuoc_bo"
    assert agencies.lookup("các cơ quan, đơn vị liên quan").id == "cac_co_quan_don_vi"


def test_an_unquoted_name_with_a_comma_is_refused():
    # YAML reads "{name: Ban A, b Trung ương}" as the name "Ban A" and a stray key "b Trung ương"
    entry = yaml.safe_load("{id: ban_a, name: Ban A, b Trung ương, level: central}")
    with pytest.raises(ValueError):
        AgencyEntry(**entry)


def test_a_name_whose_tone_ocr_misread_is_looked_up_by_its_letters():
    assert agencies.lookup("Úy ban nhân dân tỉnh").id == "ubnd_tinh"
